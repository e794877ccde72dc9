import { describe, expect, it } from 'vitest';
import { WscError } from '../errors/wsc-error';
import { WebhookVerificationError, webhooks } from './webhooks';

// The published example of the Standard Webhooks specification (standard-webhooks/standard-webhooks).
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const specHeaders = {
  'webhook-id': SPEC.id,
  'webhook-timestamp': String(SPEC.timestamp),
  'webhook-signature': SPEC.signature,
};
const atSpecTime = { now: SPEC.timestamp * 1000 };

describe('webhooks.verify', () => {
  it('accepts the specification example', () => {
    expect(webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, atSpecTime)).toEqual({ test: 2432232314 });
    expect(
      webhooks.verify(Buffer.from(SPEC.payload), new Headers(specHeaders), SPEC.secret, atSpecTime),
    ).toEqual({
      test: 2432232314,
    });
  });

  it('signs exactly like the specification', () => {
    const headers = webhooks.sign(SPEC.payload, SPEC.secret, {
      id: SPEC.id,
      timestamp: SPEC.timestamp * 1000,
    });
    expect(headers).toEqual(specHeaders);
  });

  it('accepts any one of several space-separated signatures', () => {
    const headers = { ...specHeaders, 'webhook-signature': `v1,bm90IGl0 v1a,ignored ${SPEC.signature}` };
    expect(webhooks.verify(SPEC.payload, headers, SPEC.secret, atSpecTime)).toEqual({ test: 2432232314 });
  });

  it('refuses an altered body, a wrong secret and a missing header', () => {
    expect(() => webhooks.verify('{"test": 1}', specHeaders, SPEC.secret, atSpecTime)).toThrow(
      /No webhook signature/,
    );
    const other = webhooks.generateSecret();
    expect(() => webhooks.verify(SPEC.payload, specHeaders, other, atSpecTime)).toThrow(
      WebhookVerificationError,
    );
    const { 'webhook-id': _id, ...withoutId } = specHeaders;
    expect(() => webhooks.verify(SPEC.payload, withoutId, SPEC.secret, atSpecTime)).toThrow(
      /Missing webhook-id/,
    );
  });

  it('refuses timestamps more than five minutes away', () => {
    const at = (offsetSeconds: number) => ({ now: (SPEC.timestamp + offsetSeconds) * 1000 });
    expect(() => webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, at(299))).not.toThrow();
    expect(() => webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, at(301))).toThrow(/too old/);
    expect(() => webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, at(-301))).toThrow(/future/);
  });

  it('explains what to do when given a parsed body', () => {
    const parsed = JSON.parse(SPEC.payload) as unknown as string;
    let error: unknown;
    try {
      webhooks.verify(parsed, specHeaders, SPEC.secret, atSpecTime);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(WscError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/raw request body.*got object.*express\.raw/s);
  });

  it('round-trips sign and verify at the current time, from a Node header record with arrays', () => {
    const secret = webhooks.generateSecret();
    const body = JSON.stringify({
      id: 'evt_1',
      type: 'pain_point.created',
      createdAt: new Date().toISOString(),
      data: {},
    });
    const signed = webhooks.sign(body, secret);
    const nodeHeaders = { ...signed, 'webhook-signature': [signed['webhook-signature']] };
    expect(webhooks.verify(body, nodeHeaders, secret)).toMatchObject({ type: 'pain_point.created' });
  });
});
