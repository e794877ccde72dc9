import { describe, expect, test } from 'vitest';
import { generateWebhookSecret, signWebhook, webhookHeaders } from './signature';

describe('Standard Webhooks signatures', () => {
  test('matches the reference test vector of the Standard Webhooks libraries', () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  test('during a rotation both secrets sign, space-separated', () => {
    const headers = webhookHeaders(['whsec_AAAA', 'whsec_BBBB'], 'msg_1', 1700000000, '{}');
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe('1700000000');
    expect(headers['webhook-signature'].split(' ')).toEqual([
      signWebhook('whsec_AAAA', 'msg_1', 1700000000, '{}'),
      signWebhook('whsec_BBBB', 'msg_1', 1700000000, '{}'),
    ]);
  });

  test('secrets are whsec_ and 32 random bytes', () => {
    const first = generateWebhookSecret();
    expect(first).toMatch(/^whsec_/);
    expect(Buffer.from(first.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(first);
  });
});
