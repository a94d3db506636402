/**
 * The OpenAPI Specification's own fixed-host callback example (a transfer, then a callback to
 * `notificationServer.com`), reduced, with the callback host on `scheme`.
 */
export function fixedHostSpec(scheme: 'http' | 'https'): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Transfers', version: '1' },
    paths: {
      '/transfers': {
        post: {
          operationId: 'createTransfer',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id'],
                  properties: { id: { type: 'string' } },
                },
                example: { id: 'tr-7' },
              },
            },
          },
          responses: { '200': { description: 'accepted' } },
          callbacks: {
            transferDone: {
              [`${scheme}://notificationServer.com?transactionId={$request.body#/id}`]: {
                post: {
                  requestBody: {
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          required: ['ok'],
                          properties: { ok: { type: 'boolean' } },
                        },
                      },
                    },
                  },
                  responses: { '200': { description: 'ok' } },
                },
              },
            },
          },
        },
      },
    },
  };
}
