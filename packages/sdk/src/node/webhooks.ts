import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { parseWebhookEvent, type UnknownWebhookEvent, type WebhookEvent } from '@wsc/models';
import { WscError } from '../errors/wsc-error';

/** Raised when a webhook cannot be trusted; answer the sender with 400. */
export class WebhookVerificationError extends WscError {
  override name = 'WebhookVerificationError';
  constructor(message: string) {
    super(message, { status: 400 });
  }
}

/** The three Standard Webhooks headers; a type (not an interface) so `verify` accepts what `sign` returns. */
export type WebhookSignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** Request headers in any common shape: a Fetch `Headers`, Node's `IncomingHttpHeaders`, a plain record. */
export type WebhookHeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | readonly string[] | undefined>;

export interface WebhookVerifyOptions {
  /** Largest accepted clock difference in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time, for tests. */
  now?: Date | number;
}

export interface WebhookSignOptions {
  /** Message id (default: a random `msg_…`). */
  id?: string;
  /** Send time (default: now). */
  timestamp?: Date | number;
}

const DEFAULT_TOLERANCE_SECONDS = 5 * 60;
const SECRET_PREFIX = 'whsec_';

function secretKey(secret: string): Buffer {
  if (typeof secret !== 'string' || secret === '') {
    throw new WebhookVerificationError(
      'The webhook secret is missing: pass the whsec_… secret of the endpoint',
    );
  }
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  if (key.length === 0)
    throw new WebhookVerificationError('The webhook secret is not valid base64 after whsec_');
  return key;
}

function payloadBuffer(payload: unknown): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array)
    return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  throw new WebhookVerificationError(
    `webhooks.verify needs the raw request body as a string or Buffer, exactly as received, but got ${
      payload === null ? 'null' : typeof payload
    }. The body was probably parsed as JSON already: re-serialising it changes the bytes and breaks the ` +
      `signature. In Express use express.raw({ type: 'application/json' }) on this route; in Fastify read ` +
      'the raw body; with fetch-style handlers use await request.text().',
  );
}

function header(headers: WebhookHeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const value = record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

function signature(key: Buffer, id: string, timestamp: string, body: Buffer): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

function seconds(time: Date | number | undefined): number {
  if (time === undefined) return Math.floor(Date.now() / 1000);
  return Math.floor((typeof time === 'number' ? time : time.getTime()) / 1000);
}

/**
 * Checks a webhook per Standard Webhooks 1.0 and returns the event: the HMAC-SHA256 of
 * `id.timestamp.body` must match one of the `v1,` signatures (constant-time comparison), the
 * timestamp must be within five minutes, and the body must be an event (its data checked
 * against its type's schema). A type added after this SDK version arrives as an
 * `UnknownWebhookEvent`; `isKnownWebhookEvent` narrows to the typed union.
 *
 * @example
 * import { isKnownWebhookEvent } from '@wsc/sdk';
 * import { webhooks } from '@wsc/sdk/node';
 *
 * app.post('/wsc/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
 *   const event = webhooks.verify(request.body, request.headers, process.env.WSC_WEBHOOK_SECRET);
 *   if (isKnownWebhookEvent(event) && event.type === 'registration.created') console.log(event.data.seatsLeft);
 *   response.sendStatus(204);
 * });
 */
function verify(
  payload: string | Buffer | Uint8Array,
  headers: WebhookHeaderSource,
  secret: string,
  options: WebhookVerifyOptions = {},
): WebhookEvent | UnknownWebhookEvent {
  const body = payloadBuffer(payload);
  const key = secretKey(secret);
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'Missing webhook-id, webhook-timestamp or webhook-signature header: not a Standard Webhooks request',
    );
  }
  if (!/^\d+$/.test(timestamp))
    throw new WebhookVerificationError('webhook-timestamp is not a Unix time in seconds');
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = seconds(options.now) - Number(timestamp);
  if (skew > tolerance)
    throw new WebhookVerificationError('The webhook timestamp is too old (possible replay)');
  if (skew < -tolerance) throw new WebhookVerificationError('The webhook timestamp is in the future');
  const expected = Buffer.from(signature(key, id, timestamp, body), 'base64');
  const matched = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const candidate = Buffer.from(value, 'base64');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matched)
    throw new WebhookVerificationError('No webhook signature matches: wrong secret or altered body');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('The webhook body is signed correctly but is not JSON');
  }
  const parsed = parseWebhookEvent(json);
  if (!parsed.success) {
    const first = parsed.issues[0];
    throw new WebhookVerificationError(
      `The webhook body is signed correctly but is not an event: "${first?.path ?? ''}" ${first?.message ?? 'is invalid'}`,
    );
  }
  return parsed.event;
}

/**
 * Signs a payload the way the platform does, for partners' tests.
 *
 * @example
 * const body = JSON.stringify({ id: 'evt_1', type: 'pain_point.created', createdAt, data });
 * const headers = webhooks.sign(body, secret);
 * webhooks.verify(body, headers, secret); // the event
 */
function sign(
  payload: string | Buffer | Uint8Array,
  secret: string,
  options: WebhookSignOptions = {},
): WebhookSignatureHeaders {
  const id = options.id ?? `msg_${randomUUID().replaceAll('-', '')}`;
  const timestamp = String(seconds(options.timestamp));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature(secretKey(secret), id, timestamp, payloadBuffer(payload))}`,
  };
}

/**
 * Creates a random `whsec_` secret (24 bytes), for tests and local endpoints.
 *
 * @example
 * const secret = webhooks.generateSecret();
 */
function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** Standard Webhooks helpers. */
export const webhooks = { verify, sign, generateSecret };
