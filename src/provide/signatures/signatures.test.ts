import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignatureConfigError } from '../../errors.ts';
import { type SignatureScheme, signatureSchemes, signRequest, verifySignature } from './index.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('published test vectors', () => {
  it('standard-webhooks: the vector from the Standard Webhooks reference library', async () => {
    const headers = await signRequest(
      'standard-webhooks',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      {
        body: encode('{"test": 2432232314}'),
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: new Date(1614265330 * 1000),
      },
    );
    assert.deepEqual(headers, {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
    const findings = await verifySignature(
      'standard-webhooks',
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      { headers, body: encode('{"test": 2432232314}') },
      { now: new Date((1614265330 + 10) * 1000) },
    );
    assert.deepEqual(findings, []);
  });

  it("github: the vector from GitHub's documentation", async () => {
    const body = encode('Hello, World!');
    const headers = await signRequest('github', "It's a Secret to Everybody", { body });
    assert.deepEqual(headers, {
      'x-hub-signature-256':
        'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
    assert.deepEqual(
      await verifySignature('github', "It's a Secret to Everybody", { headers, body }),
      [],
    );
  });

  it('stripe: the header equals a hand-computed HMAC of "t.body" and the library accepts it', async () => {
    const secret = 'whsec_test_secret';
    const body = encode('{"id":"evt_1","object":"event"}');
    const timestamp = 1700000000;
    const headers = await signRequest('stripe', secret, {
      body,
      timestamp: new Date(timestamp * 1000),
    });
    const expected = createHmac('sha256', secret)
      .update(`${timestamp}.{"id":"evt_1","object":"event"}`)
      .digest('hex');
    assert.equal(headers['stripe-signature'], `t=${timestamp},v1=${expected}`);
    const { default: Stripe } = await import('stripe');
    const event = Stripe.webhooks.constructEvent(
      Buffer.from(body),
      headers['stripe-signature'] ?? '',
      secret,
      300,
      undefined,
      (timestamp + 5) * 1000,
    );
    assert.equal(event.id, 'evt_1');
    const findings = await verifySignature(
      'stripe',
      secret,
      { headers, body },
      { now: new Date((timestamp + 5) * 1000) },
    );
    assert.deepEqual(findings, []);
  });

  it('hmac-sha256: RFC 4231 test case 2 ("Jefe")', async () => {
    const headers = await signRequest('hmac-sha256', 'Jefe', {
      body: encode('what do ya want for nothing?'),
    });
    assert.deepEqual(headers, {
      'x-signature': 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    });
  });
});

const secrets: Record<SignatureScheme, string> = {
  'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  github: "It's a Secret to Everybody",
  stripe: 'whsec_test_secret',
  'hmac-sha256': 'shared-secret',
};
const signatureHeader: Record<SignatureScheme, string> = {
  'standard-webhooks': 'webhook-signature',
  github: 'x-hub-signature-256',
  stripe: 'stripe-signature',
  'hmac-sha256': 'x-signature',
};
const signedAt = new Date(1_750_000_000_000);

async function signed(scheme: SignatureScheme, body: Uint8Array): Promise<Record<string, string>> {
  return signRequest(scheme, secrets[scheme], { body, timestamp: signedAt, id: 'msg_1' });
}

async function checks(
  scheme: SignatureScheme,
  headers: Record<string, string>,
  body: Uint8Array,
  options: { now?: Date; secret?: string } = {},
): Promise<string[]> {
  const findings = await verifySignature(
    scheme,
    options.secret ?? secrets[scheme],
    { headers, body },
    { now: options.now ?? signedAt, contract: 'webhook/x/post' },
  );
  for (const finding of findings) assert.equal(finding.contract, 'webhook/x/post');
  return findings.map((finding) => finding.check);
}

for (const scheme of signatureSchemes) {
  describe(`${scheme}: sign then verify`, () => {
    const body = encode('{"event":"invoice.paid","amount":42}');

    it('accepts its own signature', async () => {
      assert.deepEqual(await checks(scheme, await signed(scheme, body), body), []);
    });

    it('rejects a tampered body', async () => {
      const headers = await signed(scheme, body);
      assert.deepEqual(
        await checks(scheme, headers, encode('{"event":"invoice.paid","amount":43}')),
        ['signature.mismatch'],
      );
    });

    it('rejects a body that differs only in whitespace (raw bytes are signed)', async () => {
      const headers = await signed(scheme, body);
      const reformatted = encode('{"event": "invoice.paid", "amount": 42}');
      assert.deepEqual(await checks(scheme, headers, reformatted), ['signature.mismatch']);
    });

    it('rejects the wrong secret', async () => {
      const headers = await signed(scheme, body);
      const wrong =
        scheme === 'standard-webhooks'
          ? 'whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB'
          : 'another-secret';
      assert.deepEqual(await checks(scheme, headers, body, { secret: wrong }), [
        'signature.mismatch',
      ]);
    });

    it('reports a missing signature header', async () => {
      const headers = await signed(scheme, body);
      delete headers[signatureHeader[scheme]];
      assert.deepEqual(await checks(scheme, headers, body), ['signature.missing']);
    });

    it('reports a malformed signature header', async () => {
      const headers = await signed(scheme, body);
      headers[signatureHeader[scheme]] = 'garbage';
      assert.deepEqual(await checks(scheme, headers, body), ['signature.malformed']);
    });

    it('signs and verifies a body that is not valid UTF-8 over its exact bytes', async () => {
      const binary = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
      const headers = await signed(scheme, binary);
      assert.deepEqual(await checks(scheme, headers, binary), []);
      assert.deepEqual(
        await checks(scheme, headers, Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x42])),
        ['signature.mismatch'],
      );
    });

    it('signs and verifies an empty body', async () => {
      const empty = new Uint8Array();
      assert.deepEqual(await checks(scheme, await signed(scheme, empty), empty), []);
    });
  });
}

describe('timestamps', () => {
  const body = encode('{"a":1}');
  const cases: Array<{ scheme: SignatureScheme; offsetSeconds: number; want: string[] }> = [
    { scheme: 'standard-webhooks', offsetSeconds: 299, want: [] },
    { scheme: 'standard-webhooks', offsetSeconds: 301, want: ['signature.stale'] },
    { scheme: 'standard-webhooks', offsetSeconds: -301, want: ['signature.stale'] },
    { scheme: 'stripe', offsetSeconds: 299, want: [] },
    { scheme: 'stripe', offsetSeconds: 3600, want: ['signature.stale'] },
    { scheme: 'stripe', offsetSeconds: -3600, want: ['signature.stale'] },
    // GitHub and the generic scheme sign no timestamp: an old delivery cannot be told apart.
    { scheme: 'github', offsetSeconds: 3600, want: [] },
    { scheme: 'hmac-sha256', offsetSeconds: 3600, want: [] },
  ];
  for (const { scheme, offsetSeconds, want } of cases) {
    it(`${scheme} verified ${offsetSeconds} s after signing → ${want.join(', ') || 'ok'}`, async () => {
      const headers = await signed(scheme, body);
      const now = new Date(signedAt.getTime() + offsetSeconds * 1000);
      assert.deepEqual(await checks(scheme, headers, body, { now }), want);
    });
  }

  it('a stale and tampered delivery gets both findings', async () => {
    const headers = await signed('standard-webhooks', body);
    const now = new Date(signedAt.getTime() + 3600_000);
    assert.deepEqual(await checks('standard-webhooks', headers, encode('{"a":2}'), { now }), [
      'signature.mismatch',
      'signature.stale',
    ]);
  });

  it('honours a custom tolerance', async () => {
    const headers = await signed('stripe', body);
    const findings = await verifySignature(
      'stripe',
      secrets.stripe,
      { headers, body },
      { now: new Date(signedAt.getTime() + 20_000), toleranceSeconds: 10 },
    );
    assert.deepEqual(
      findings.map((finding) => finding.check),
      ['signature.stale'],
    );
  });

  it('standard-webhooks: a non-numeric timestamp is malformed', async () => {
    const headers = await signed('standard-webhooks', body);
    headers['webhook-timestamp'] = 'yesterday';
    assert.deepEqual(await checks('standard-webhooks', headers, body), ['signature.malformed']);
  });
});

describe('standard-webhooks details', () => {
  const body = encode('{"a":1}');
  it('accepts a valid signature among several (key rotation)', async () => {
    const headers = await signed('standard-webhooks', body);
    headers['webhook-signature'] =
      `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc ${headers['webhook-signature']}`;
    assert.deepEqual(await checks('standard-webhooks', headers, body), []);
  });

  it('reads header names case-insensitively', async () => {
    const headers = await signed('standard-webhooks', body);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    assert.deepEqual(await checks('standard-webhooks', upper, body), []);
  });

  it('names every missing header', async () => {
    const findings = await verifySignature('standard-webhooks', secrets['standard-webhooks'], {
      headers: {},
      body,
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.check, 'signature.missing');
    assert.match(findings[0]?.message ?? '', /webhook-id, webhook-timestamp, webhook-signature/);
  });

  it('signs a non-UTF-8 body over its exact bytes, as the reference algorithm would', async () => {
    const binary = Uint8Array.from([0xc3, 0x28, 0xff]);
    const headers = await signed('standard-webhooks', binary);
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    const seconds = Math.floor(signedAt.getTime() / 1000);
    const expected = createHmac('sha256', key)
      .update(`msg_1.${seconds}.`)
      .update(binary)
      .digest('base64');
    assert.equal(headers['webhook-signature'], `v1,${expected}`);
  });

  it('refuses a secret that is not base64', async () => {
    await assert.rejects(
      signRequest('standard-webhooks', 'not base64!', { body }),
      SignatureConfigError,
    );
  });
});

describe('findings never carry the expected signature', () => {
  for (const scheme of signatureSchemes) {
    it(scheme, async () => {
      const body = encode('{"a":1}');
      const good = await signed(scheme, body);
      const findings = await verifySignature(
        scheme,
        secrets[scheme],
        {
          headers: await signed(scheme, encode('{"a":2}')),
          body,
        },
        { now: signedAt },
      );
      const text = JSON.stringify(findings);
      const goodValue = good[signatureHeader[scheme]] ?? '';
      assert.ok(findings.length > 0);
      assert.ok(!text.includes(goodValue), 'a finding leaked a valid signature for the body');
    });
  }
});

it('an empty secret is a configuration error for every scheme', async () => {
  for (const scheme of signatureSchemes) {
    await assert.rejects(
      signRequest(scheme, '', { body: encode('x') }),
      SignatureConfigError,
      scheme,
    );
  }
});
