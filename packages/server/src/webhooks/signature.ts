import { createHmac, randomBytes } from 'node:crypto';

/** Prefix of Standard Webhooks signing secrets. */
export const SECRET_PREFIX = 'whsec_';

/**
 * A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks 1.0).
 *
 * @example
 * generateWebhookSecret(); // 'whsec_Vs9…='
 */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * One `v1,<base64>` signature: HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the
 * base64-decoded part of the secret after `whsec_`.
 *
 * @example
 * signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_1', 1700000000, '{"a":1}'); // 'v1,…'
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${signature}`;
}

/**
 * The three Standard Webhooks headers; during a rotation every valid secret signs, the
 * signatures separated by spaces (newest first).
 *
 * @example
 * webhookHeaders(['whsec_…'], 'msg_1', 1700000000, body);
 * // { 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,…' }
 */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => signWebhook(secret, id, timestampSeconds, body)).join(' '),
  };
}
