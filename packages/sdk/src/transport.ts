import { compileCheck, type Problem } from '@wsc/models';
import { type AxiosInstance, type AxiosResponse, type GenericAbortSignal, isAxiosError } from 'axios';
import { createErrorFromStatus } from './errors/factory';
import { AbortedError, NetworkError, ResponseValidationError, TimeoutError } from './errors/subclasses';
import type { WscErrorRequest } from './errors/wsc-error';
import { redact, redactHeaders } from './redact';
import type { WscRequest, WscResponse } from './request';

/** What the innermost link of the hook chain needs from its client. */
export interface TransportContext {
  axios: AxiosInstance;
  /** Credential headers, resolved per attempt so refreshed tokens are picked up. */
  authHeaders(): Promise<Record<string, string>>;
  /** Literal credentials to blank out of messages. */
  secrets(): string[];
}

/**
 * Sends one request with axios and turns every outcome into a `WscResponse` or a `WscError`:
 * HTTP failures by status, network failures, timeouts, aborts, malformed JSON, schema mismatches.
 */
export async function sendWithAxios(context: TransportContext, request: WscRequest): Promise<WscResponse> {
  // Credentials first: a failing `getToken` is the caller's error, not a network failure to retry.
  // `false` tells axios not to add its form content type to body-less writes (the API answers 415).
  const headers: Record<string, string | false> = {
    accept: 'application/json',
    ...request.headers,
    'content-type': request.body === undefined ? false : 'application/json',
    ...(await context.authHeaders()),
  };
  const deadline = new Deadline();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, request.timeout);
  // The caller's signal is listened to only when there is one: listening to an AbortSignal costs
  // Node about 35 µs a call, a third of what the SDK may add to a request.
  const abort = () => deadline.abort();
  request.signal?.addEventListener('abort', abort, { once: true });
  if (request.signal?.aborted) abort();
  let response: AxiosResponse<string>;
  try {
    response = await context.axios.request<string>({
      method: request.method,
      url: request.path,
      params: request.query,
      data: request.body === undefined ? undefined : JSON.stringify(request.body),
      headers,
      signal: deadline,
      responseType: 'text',
      // The SDK parses and judges bodies itself, so malformed JSON and HTTP errors are reported precisely.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  } catch (error) {
    const cause = sanitizeAxiosError(error);
    const described = describe(request);
    const where = `${described.method} ${described.path}`;
    if (timedOut)
      throw new TimeoutError(`${where} timed out after ${request.timeout} ms`, { cause, request: described });
    if (request.signal?.aborted)
      throw new AbortedError(`${where} was aborted`, { cause, request: described });
    const reason = redact(error instanceof Error ? error.message : String(error), context.secrets());
    throw new NetworkError(`${where} failed: ${reason}`, { cause, request: described });
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', abort);
  }
  return interpret(context, request, response);
}

function interpret(
  context: TransportContext,
  request: WscRequest,
  response: AxiosResponse<string>,
): WscResponse {
  const headers = plainHeaders(response.headers);
  const requestId = headers['x-request-id'];
  const status = response.status;
  const text = typeof response.data === 'string' ? response.data : '';
  // What errors name: built only when one is thrown, and then once.
  let description: WscErrorRequest | undefined;
  const described = () => {
    description ??= describe(request);
    return description;
  };
  const where = () => `${described().method} ${described().path}`;
  const base = () => ({ status, headers, requestId, request: described() });
  let data: unknown;
  let parsed = true;
  if (request.responseType === 'text') data = text;
  else if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch (cause) {
      parsed = false;
      data = text;
      if (status >= 200 && status < 300) {
        throw new ResponseValidationError(
          `${where()} answered ${status} with a body that is not valid JSON`,
          {
            ...base(),
            cause,
            issues: [{ path: '', message: 'not valid JSON' }],
          },
        );
      }
    }
  }
  if (status >= 300 && status !== 304) {
    const problem = parsed && isProblem(data) ? redactProblem(data, context.secrets()) : undefined;
    const summary = problem ? [problem.title, problem.detail].filter(Boolean).join(': ') : `HTTP ${status}`;
    const suffix = requestId ? ` (request ${requestId})` : '';
    const message = redact(`${where()} failed with ${status}: ${summary}${suffix}`, context.secrets());
    throw createErrorFromStatus(status, message, { ...base(), problem });
  }
  if (request.schema && status !== 204 && status !== 304 && !compileCheck(request.schema)?.(data)) {
    // In Node a valid body passes a check that copies nothing and is kept as received, fields the
    // schema does not know included. zod parses what the check refuses (or where there is none:
    // browsers, schemas with transforms), to name the mismatch or to return its own output.
    const result = request.schema.safeParse(data);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      const first = issues[0];
      throw new ResponseValidationError(
        `${where()} answered with an unexpected body at "${first?.path ?? ''}": ${first?.message ?? 'invalid'}`,
        { ...base(), issues },
      );
    }
    data = result.data;
  }
  return { status, headers, data, requestId };
}

/**
 * What axios is cancelled by: the timeout and the caller's signal abort it. axios accepts any
 * object of this shape (its `GenericAbortSignal`); a Node AbortSignal would cost every request
 * the price of an EventTarget listener.
 */
class Deadline implements GenericAbortSignal {
  aborted = false;
  readonly #listeners = new Set<() => void>();

  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const listener of this.#listeners) listener();
  }
}

function describe(request: WscRequest): WscErrorRequest {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const query = search.toString();
  return { method: request.method, path: query ? `${request.path}?${query}` : request.path };
}

function plainHeaders(headers: unknown): Record<string, string> {
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : ((headers ?? {}) as Record<string, unknown>);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== null) {
      result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return result;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' && value !== null && typeof (value as { title?: unknown }).title === 'string'
  );
}

/** Servers may echo what they were sent; the problem's texts get the same redaction as messages. */
function redactProblem(problem: Problem, secrets: string[]): Problem {
  const copy: Problem = { ...problem };
  for (const field of ['title', 'detail', 'instance'] as const) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = redact(value, secrets);
  }
  return copy;
}

/** Keeps the axios error as the cause, minus credentials, request bodies and live sockets. */
function sanitizeAxiosError(error: unknown): unknown {
  if (!isAxiosError(error)) return error;
  if (error.config) {
    const config = error.config;
    error.config = {
      ...config,
      headers: redactHeaders(plainHeaders(config.headers)) as typeof config.headers,
      data: config.data === undefined ? undefined : '[omitted]',
    };
  }
  error.request = undefined;
  return error;
}
