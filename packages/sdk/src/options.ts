import type { WscClient } from './client';

/** What a plugin or hook gives back when it adds nothing: `() => {}` is inferred as returning `void`. */
// biome-ignore lint/suspicious/noConfusingVoidType: `void` is exactly what a body-less arrow function returns.
export type Nothing = undefined | void;

/** Returns the signed-in user's token, or nothing for anonymous requests; called before every request. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * Options of `new WscClient(...)`. Plugins add their own options by augmenting this interface:
 *
 * @example
 * declare module '@wsc/sdk' {
 *   interface ClientOptions {
 *     retry?: { retries?: number };
 *   }
 * }
 */
export interface ClientOptions {
  /** Origin of the community API, without `/v1` (`https://community.example.org`). */
  baseURL: string;
  /** `pk_…`: public, for browsers on one of the partner's allowed origins. */
  publishableKey?: string;
  /** `sk_…`: server to server only; refused in browsers unless `dangerouslyAllowBrowser`. */
  secretKey?: string;
  /** A session or SSO user token. */
  token?: string;
  /** Called before each request for a fresh user token; wins over `token`. */
  getToken?: TokenProvider;
  /** Preferred language (`fr`) or a full `Accept-Language` value. */
  locale?: string;
  /** Milliseconds before a request is abandoned with a `TimeoutError`; default 30 000. */
  timeout?: number;
  /**
   * Check responses against the @wsc/models schemas (default true). In Node a valid body is
   * returned as the server sent it, fields the schema does not know included.
   */
  validate?: boolean;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Allow a secret key in a browser (tests, trusted kiosks); keys in pages leak. */
  dangerouslyAllowBrowser?: boolean;
}

/**
 * Per-call options accepted by every resource method as its last argument. Plugins add their
 * per-call settings by augmenting this interface, as they do `ClientOptions`:
 *
 * @example
 * await client.painPoints.get(id, { timeout: 5_000, retry: { retries: 0 } }); // with @wsc/plugin-retry
 */
export interface RequestOptions {
  /** Cancels the request; the promise rejects with an `AbortedError`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (milliseconds). */
  timeout?: number;
  /** Overrides the generated `Idempotency-Key` of a mutating call. */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Overrides the client's `validate` for this call. */
  validate?: boolean;
}

/**
 * A plugin: receives the new client and its options, may register hooks on `client.hook`
 * and returns the members it adds to the client.
 *
 * @example
 * const hello: WscPlugin<{ hello(): string }> = () => ({ hello: () => 'hi' });
 */
export type WscPlugin<Additions extends object = object> = (
  client: WscClient,
  options: ClientOptions,
) => Additions | Nothing;
