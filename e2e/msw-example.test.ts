/**
 * The msw example of the manual (docs/manual/mock-and-msw.md), run as a test.
 *
 * A provider's own test suite checks, without any port or receiver process, that the callbacks
 * its code sends follow the spec. In a project that installed the package the import reads
 * `import { callbackHandlers } from 'callback-verify/msw'`.
 */
import assert, { AssertionError } from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { setupServer } from 'msw/node';
import { callbackHandlers } from '../src/adapters/msw/index.ts';

/** The code under test: it records an invoice and, once it is paid, notifies `callbackUrl`. */
async function payInvoice(
  invoice: { id: string; customer: string },
  callbackUrl: string,
  notification: Record<string, unknown>,
): Promise<number> {
  const response = await fetch(`${callbackUrl}/invoices/${encodeURIComponent(invoice.id)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(notification),
  });
  return response.status;
}

const cv = callbackHandlers('specs/invoices.yaml');
const server = setupServer(...cv.handlers);

describe('invoice notifications follow specs/invoices.yaml', () => {
  before(async () => {
    await cv.ready;
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterEach(() => cv.reset());
  after(() => server.close());

  test('a correct notification passes', async () => {
    const status = await payInvoice(
      { id: 'inv-1001', customer: 'ACME Corporation' },
      cv.urlFor('invoicePaid'),
      { description: 'Invoice inv-1001 paid in full', paid: true },
    );
    assert.equal(status, 200); // the declared response answered it
    await cv.waitFor(1);
    cv.assertConformant({ expect: ['invoicePaid'] });
  });

  test('a wrong notification fails with the findings', async () => {
    await payInvoice({ id: 'inv-1002', customer: 'ACME Corporation' }, cv.urlFor('invoicePaid'), {
      description: 'Invoice inv-1002 paid in full',
      paid: 'yes',
    });
    await cv.waitFor(1);
    assert.throws(
      () => cv.assertConformant(),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError);
        assert.match(error.message, /POST https:\/\/callbacks\.test\/invoices\/inv-1002/);
        assert.match(error.message, /createInvoice\/invoicePaid\/post/);
        assert.match(error.message, /\/body\/paid: .*boolean/);
        return true;
      },
    );
  });
});
