import { isKnownWebhookEvent } from '@wsc/models';
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
/** The specification's payload is not a platform event: passing the signature check, it fails the event check. */
const SIGNED_BUT_NOT_AN_EVENT = /signed correctly but is not an event/;

describe('webhooks.verify', () => {
  it('accepts the signature of the specification example, then refuses its body as not an event', () => {
    expect(() => webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, atSpecTime)).toThrow(
      SIGNED_BUT_NOT_AN_EVENT,
    );
    expect(() =>
      webhooks.verify(Buffer.from(SPEC.payload), new Headers(specHeaders), SPEC.secret, atSpecTime),
    ).toThrow(SIGNED_BUT_NOT_AN_EVENT);
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
    expect(() => webhooks.verify(SPEC.payload, headers, SPEC.secret, atSpecTime)).toThrow(
      SIGNED_BUT_NOT_AN_EVENT,
    );
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
    expect(() => webhooks.verify(SPEC.payload, specHeaders, SPEC.secret, at(299))).toThrow(
      SIGNED_BUT_NOT_AN_EVENT,
    );
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
    const event = {
      id: 'evt_1',
      type: 'pain_point.voted',
      createdAt: new Date().toISOString(),
      data: { painPointId: 'pp_1', voteCount: 3 },
    };
    const body = JSON.stringify(event);
    const signed = webhooks.sign(body, secret);
    const nodeHeaders = { ...signed, 'webhook-signature': [signed['webhook-signature']] };
    const verified = webhooks.verify(body, nodeHeaders, secret);
    expect(verified).toEqual(event);
    // Typed by its type, with no cast.
    if (isKnownWebhookEvent(verified) && verified.type === 'pain_point.voted') {
      expect(verified.data.voteCount).toBe(3);
    }
  });

  it('refuses a signed event whose data does not match its type, naming the field', () => {
    const secret = webhooks.generateSecret();
    const body = JSON.stringify({
      id: 'evt_2',
      type: 'pain_point.voted',
      createdAt: new Date().toISOString(),
      data: { painPointId: 'pp_1', voteCount: 'three' },
    });
    expect(() => webhooks.verify(body, webhooks.sign(body, secret), secret)).toThrow(/"data\.voteCount"/);
  });

  it('returns an event of a type added after this version, unchecked but enveloped', () => {
    const secret = webhooks.generateSecret();
    const event = {
      id: 'evt_3',
      type: 'standard.withdrawn',
      createdAt: new Date().toISOString(),
      data: { id: 's' },
    };
    const body = JSON.stringify(event);
    const verified = webhooks.verify(body, webhooks.sign(body, secret), secret);
    expect(verified).toEqual(event);
    expect(isKnownWebhookEvent(verified)).toBe(false);
  });
});
