import type { Exchange, HeaderMap } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import type { Report } from './report.ts';
import { summarise } from './summarise.ts';

const encoder = new TextEncoder();
const paidPointer =
  '/paths/~1invoices/post/callbacks/invoicePaid/{$request.body#~1callbackUrl}/post/requestBody/content/application~1json/schema/properties/paid';

function complete(draft: Omit<Report, 'summary'>): Report {
  return { ...draft, summary: summarise(draft) };
}

function exchange(
  id: string,
  fields: Partial<Exchange> & { method?: string; url: string; body?: string; headers?: HeaderMap },
): Exchange {
  const {
    method = 'POST',
    url,
    body = '',
    headers = { 'content-type': 'application/json', 'user-agent': 'provider/1.0' },
    ...rest
  } = fields;
  return {
    id,
    receivedAt: '2026-01-02T03:04:05.600Z',
    request: {
      method,
      url,
      headers,
      body: encoder.encode(body),
    },
    findings: [],
    answer: { status: 200, headers: {}, body: '' },
    verdict: 'pass',
    ...rest,
  };
}

const base = {
  tool: { name: 'callback-verify', version: '0.1.0' },
  spec: { source: 'specs/invoices.yaml', openapi: '3.1.0', title: 'Invoice API' },
  startedAt: '2026-01-02T03:04:05.000Z',
  finishedAt: '2026-01-02T03:04:07.500Z',
  contracts: [],
  triggers: [],
  expectations: [],
  deliveries: [],
  exchanges: [],
  findings: [],
} satisfies Omit<Report, 'summary' | 'command'>;

/** A `run` where the one expected callback arrived and conformed. */
export const conformantRun: Report = complete({
  ...base,
  command: 'run',
  contracts: [
    {
      id: 'createInvoice/invoicePaid/post',
      kind: 'callback',
      method: 'post',
      expression: '{$request.body#/callbackUrl}/invoices/{$request.body#/id}',
      receiverUrl: 'http://127.0.0.1:4010/cb/tok1',
      verdict: 'pass',
      exchanges: ['ex-000001'],
      findings: [],
    },
  ],
  triggers: [
    {
      id: 'createInvoice#1',
      operationId: 'createInvoice',
      method: 'POST',
      url: 'http://127.0.0.1:3000/invoices',
      requestBody: { id: 'inv-1', callbackUrl: 'http://127.0.0.1:4010/cb/tok1' },
      status: 201,
      responseBody: { id: 'inv-1' },
      durationMs: 12,
      findings: [],
    },
  ],
  expectations: [
    {
      trigger: 'createInvoice#1',
      contract: 'createInvoice/invoicePaid/post',
      expectedUrl: 'http://127.0.0.1:4010/cb/tok1/invoices/inv-1',
      status: 'received',
      exchanges: ['ex-000001'],
      latencyMs: 42,
      attempts: 1,
      findings: [],
    },
  ],
  exchanges: [
    exchange('ex-000001', {
      url: '/cb/tok1/invoices/inv-1',
      contract: 'createInvoice/invoicePaid/post',
      token: 'tok1',
      body: '{"id":"inv-1","paid":true}',
      parsedBody: { id: 'inv-1', paid: true },
    }),
  ],
});

const paidFinding: Finding = {
  check: 'body.type',
  severity: 'error',
  message: 'body.paid must be boolean, got string "yes"',
  contract: 'createInvoice/invoicePaid/post',
  where: '/body/paid',
  spec: paidPointer,
  expected: 'boolean',
  actual: 'yes',
};

const headerFinding: Finding = {
  check: 'header.required',
  severity: 'error',
  message: 'header x-signature is required | missing `x-signature`',
  contract: 'createInvoice/invoicePaid/post',
  where: '/headers/x-signature',
  spec: '/components/parameters/Signature',
};

/**
 * A `run` that fails every way: a wrong body type, a missing callback, a duplicate,
 * an unexpected callback with hostile text, a trigger response warning and provider output.
 */
export const failingRun: Report = complete({
  ...base,
  command: 'run',
  contracts: [
    {
      id: 'createInvoice/invoicePaid/post',
      kind: 'callback',
      method: 'post',
      expression: '{$request.body#/callbackUrl}/invoices/{$request.body#/id}',
      verdict: 'fail',
      exchanges: ['ex-000001', 'ex-000002', 'ex-000003'],
      findings: [paidFinding],
    },
    {
      id: 'startGame/progress/put',
      kind: 'callback',
      method: 'put',
      expression: '{$request.header.progressUrl}',
      verdict: 'missing',
      exchanges: [],
      findings: [],
    },
    {
      id: 'webhook/newPet/post',
      kind: 'webhook',
      method: 'post',
      expression: 'newPet',
      verdict: 'not-exercised',
      exchanges: [],
      findings: [],
    },
  ],
  triggers: [
    {
      id: 'createInvoice#1',
      operationId: 'createInvoice',
      method: 'POST',
      url: 'http://127.0.0.1:3000/invoices',
      status: 201,
      durationMs: 9,
      findings: [],
    },
    {
      id: 'createInvoice#2',
      operationId: 'createInvoice',
      method: 'POST',
      url: 'http://127.0.0.1:3000/invoices',
      status: 299,
      durationMs: 11,
      findings: [
        {
          check: 'response.status',
          severity: 'warning',
          message: 'status 299 is not declared for createInvoice',
          where: '/response/status',
          expected: ['201'],
          actual: 299,
        },
      ],
    },
    {
      id: 'startGame#1',
      operationId: 'startGame',
      method: 'POST',
      url: 'http://127.0.0.1:3000/games',
      status: 202,
      durationMs: 7,
      findings: [],
    },
  ],
  expectations: [
    {
      trigger: 'createInvoice#1',
      contract: 'createInvoice/invoicePaid/post',
      status: 'received',
      exchanges: ['ex-000001'],
      latencyMs: 30,
      attempts: 1,
      findings: [paidFinding],
    },
    {
      trigger: 'createInvoice#2',
      contract: 'createInvoice/invoicePaid/post',
      status: 'duplicate',
      exchanges: ['ex-000002', 'ex-000003'],
      latencyMs: 25,
      attempts: 2,
      retryIntervalsMs: [100],
      findings: [
        {
          check: 'callback.duplicate',
          severity: 'error',
          message: 'callback delivered 2 times after a 200 answer',
          contract: 'createInvoice/invoicePaid/post',
        },
      ],
    },
    {
      trigger: 'startGame#1',
      contract: 'startGame/progress/put',
      expectedUrl: 'http://127.0.0.1:4010/cb/tok3/progress',
      status: 'missing',
      exchanges: [],
      findings: [
        {
          check: 'callback.missing',
          severity: 'error',
          message: 'no callback arrived within 10 s',
          contract: 'startGame/progress/put',
        },
      ],
    },
  ],
  exchanges: [
    exchange('ex-000001', {
      url: '/cb/tok1/invoices/inv-1',
      contract: 'createInvoice/invoicePaid/post',
      body: '{"id":"inv-1","paid":"yes"}',
      parsedBody: { id: 'inv-1', paid: 'yes' },
      findings: [paidFinding, headerFinding],
      verdict: 'fail',
    }),
    exchange('ex-000002', {
      url: '/cb/tok2/invoices/inv-2',
      contract: 'createInvoice/invoicePaid/post',
      body: '{"id":"inv-2","paid":true}',
      parsedBody: { id: 'inv-2', paid: true },
    }),
    exchange('ex-000003', {
      url: '/cb/tok2/invoices/inv-2',
      contract: 'createInvoice/invoicePaid/post',
      body: '{"id":"inv-2","paid":true}',
      parsedBody: { id: 'inv-2', paid: true },
    }),
    exchange('ex-000004', {
      url: '/cb/tok9/<script>alert(1)</script>?a=1&b=2',
      body: 'bell\u0007 & <b>bold</b> ]]>',
      headers: { 'content-type': 'text/plain' },
    }),
  ],
  findings: [
    {
      check: 'callback.unexpected',
      severity: 'error',
      message: 'no contract matches POST /cb/tok9/<script>alert(1)</script>?a=1&b=2',
      where: '/url',
      actual: 'POST /cb/tok9/<script>alert(1)</script>?a=1&b=2',
    },
    {
      check: 'spec.lint',
      severity: 'warning',
      message: 'callback startGame/progress has no 2XX response',
      spec: '/paths/~1games/post/callbacks/progress',
    },
  ],
  provider: {
    command: 'node examples/provider.js',
    url: 'http://127.0.0.1:3000',
    output: 'listening on 3000\n\u001b[31mwarn\u001b[0m retrying <callback>\n',
  },
});

/** A `listen` report: one passing, one failing, one missing and one unused contract. */
export const listenReport: Report = complete({
  ...base,
  command: 'listen',
  contracts: [
    {
      id: 'webhook/newPet/post',
      kind: 'webhook',
      method: 'post',
      expression: 'newPet',
      receiverUrl: 'http://127.0.0.1:4010/wh/abc/newPet',
      verdict: 'pass',
      exchanges: ['ex-000001'],
      findings: [],
    },
    {
      id: 'createInvoice/invoicePaid/post',
      kind: 'callback',
      method: 'post',
      expression: '{$request.body#/callbackUrl}/invoices/{$request.body#/id}',
      receiverUrl: 'http://127.0.0.1:4010/cb/abc',
      verdict: 'fail',
      exchanges: ['ex-000002'],
      findings: [headerFinding],
    },
    {
      id: 'webhook/petSold/post',
      kind: 'webhook',
      method: 'post',
      expression: 'petSold',
      receiverUrl: 'http://127.0.0.1:4010/wh/abc/petSold',
      verdict: 'missing',
      exchanges: [],
      findings: [
        {
          check: 'callback.missing',
          severity: 'error',
          message: 'expected at least 1 delivery, got none',
          contract: 'webhook/petSold/post',
        },
      ],
    },
    {
      id: 'webhook/petLost/post',
      kind: 'webhook',
      method: 'post',
      expression: 'petLost',
      verdict: 'not-exercised',
      exchanges: [],
      findings: [],
    },
  ],
  exchanges: [
    exchange('ex-000001', {
      url: '/wh/abc/newPet',
      contract: 'webhook/newPet/post',
      body: '{"name":"Rex"}',
      parsedBody: { name: 'Rex' },
    }),
    exchange('ex-000002', {
      url: '/cb/abc/invoices/inv-1',
      contract: 'createInvoice/invoicePaid/post',
      body: '{"id":"inv-1","paid":true}',
      parsedBody: { id: 'inv-1', paid: true },
      findings: [headerFinding],
      verdict: 'fail',
    }),
  ],
});

/** A `send` whose consumer answered 500. */
export const sendReport: Report = complete({
  ...base,
  command: 'send',
  contracts: [],
  deliveries: [
    {
      id: 'delivery-1',
      contract: 'webhook/newPet/post',
      url: 'http://127.0.0.1:5000/hooks',
      method: 'POST',
      payload: 'example:default',
      status: 500,
      durationMs: 18,
      findings: [
        {
          check: 'response.status',
          severity: 'error',
          message: 'consumer answered 500; the webhook declares 200',
          contract: 'webhook/newPet/post',
          where: '/response/status',
          expected: ['200'],
          actual: 500,
        },
      ],
      verdict: 'fail',
    },
  ],
});
