import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from './address-safety';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMilliseconds: number;
  /** Allow loopback and private addresses (development, tests). */
  allowPrivate: boolean;
}

export interface WebhookResponse {
  /** HTTP status, or null when no answer came (network error, timeout, refused address). */
  status: number | null;
  error: string | null;
  /** The first KiB of the answer. */
  excerpt: string | null;
  durationMilliseconds: number;
}

const EXCERPT_BYTES = 1024;

/** Resolves like dns.lookup but refuses private addresses: checked at connect time, so DNS rebinding cannot slip past the URL check. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses as unknown as LookupAddress[];
    const forbidden = list.find((entry) => isForbiddenAddress(entry.address));
    if (forbidden || list.length === 0) {
      const refusal = Object.assign(
        new Error(`refused address ${forbidden?.address ?? '(none)'} for ${hostname}`),
        {
          code: 'EWSC_FORBIDDEN_ADDRESS',
        },
      );
      return callback(refusal, '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
};

/**
 * POSTs one webhook: no redirects followed, a hard timeout, at most 1 KiB of the answer kept.
 * Never throws: failures come back as `{ status: null, error }`.
 *
 * @example
 * const result = await sendWebhook({ url, headers, body, timeoutMilliseconds: 10_000, allowPrivate: false });
 */
export function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const finish = (result: Omit<WebhookResponse, 'durationMilliseconds'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMilliseconds: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      finish({ status: null, error: 'invalid URL', excerpt: null });
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!request.allowPrivate && isIP(host) && isForbiddenAddress(host)) {
      finish({ status: null, error: `refused address ${host}`, excerpt: null });
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'WSC-Webhooks/1.0 (+https://worldsmartcity.org)',
        },
        ...(request.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        timeout: request.timeoutMilliseconds,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < EXCERPT_BYTES) {
            chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
            kept += Math.min(chunk.length, EXCERPT_BYTES - kept);
          }
        });
        const done = () =>
          finish({
            status: response.statusCode ?? null,
            error: null,
            excerpt: Buffer.concat(chunks).toString('utf8') || null,
          });
        response.on('end', done);
        response.on('error', done);
        response.on('aborted', done);
      },
    );
    // The whole exchange, not only idle time, is bounded.
    const deadline = setTimeout(() => outgoing.destroy(new Error('timeout')), request.timeoutMilliseconds);
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        status: null,
        error: error.code ? `${error.code}: ${error.message}` : error.message,
        excerpt: null,
      }),
    );
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.end(request.body);
  });
}
