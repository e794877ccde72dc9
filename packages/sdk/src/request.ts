import type { RequestOptions } from './options';

/** The HTTP methods the v1 API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Anything with zod's `safeParse`, so the SDK does not depend on the zod build the schemas use. */
export interface ResponseSchema<Output = unknown> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: Output }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * One request as hooks see it. Hooks may change it (headers, query) before it is sent.
 * Credentials are added at the last moment and are never visible here.
 */
export interface WscRequest {
  method: HttpMethod;
  /** Concrete path (`/v1/pain-points/pp_1`). */
  path: string;
  /** Path template for grouping and telemetry (`/v1/pain-points/{id}`). */
  route: string;
  query: Record<string, string | number | boolean | undefined>;
  body: unknown;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  /** Milliseconds. */
  timeout: number;
  /** Schema of the 2xx body; undefined skips validation. */
  schema: ResponseSchema | undefined;
  /** `json` (default) or `text` (calendar files). */
  responseType: 'json' | 'text';
  /** How many times this request was sent again after a failure (set by retry plugins). */
  retryCount: number;
  /**
   * The options of this one call, plugins' own included (`{ retry: { retries: 0 } }`): a plugin
   * reads its per-call settings here, over those the client was created with.
   */
  options: Readonly<RequestOptions>;
}

/**
 * One answer as hooks see it, and as `withResponse()` returns it. `headers` has lower-case names;
 * `requestId` is the server's `x-request-id`, to quote in support tickets.
 */
export interface WscResponse<Data = unknown> {
  status: number;
  headers: Record<string, string>;
  data: Data;
  requestId: string | undefined;
}
