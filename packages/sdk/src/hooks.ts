import type { Nothing } from './options';
import type { WscRequest, WscResponse } from './request';

/** Sends a request through the rest of the chain. */
export type SendRequest = (request: WscRequest) => Promise<WscResponse>;

export type BeforeHook = (request: WscRequest) => void | Promise<void>;
/** May return a replacement response. */
export type AfterHook = (
  response: WscResponse,
  request: WscRequest,
) => WscResponse | Nothing | Promise<WscResponse | Nothing>;
/** Must throw (the same or another error) or return a response that recovers. */
export type ErrorHook = (error: unknown, request: WscRequest) => WscResponse | Promise<WscResponse>;
export type WrapHook = (request: WscRequest, next: SendRequest) => Promise<WscResponse>;

/**
 * The request hooks of one client. Each registration wraps the chain built so far, so a hook
 * registered later runs outside the ones registered before it (as in Octokit's before-after-hook).
 *
 * @example
 * client.hook.before((request) => {
 *   request.headers['x-trace'] = '1';
 * });
 * client.hook.wrap(async (request, next) => {
 *   const started = performance.now();
 *   try {
 *     return await next(request);
 *   } finally {
 *     console.log(request.route, performance.now() - started);
 *   }
 * });
 */
export class Hooks {
  #chain: SendRequest;

  constructor(send: SendRequest) {
    this.#chain = send;
  }

  /** Runs before the request is sent. */
  before(hook: BeforeHook): void {
    const inner = this.#chain;
    this.#chain = async (request) => {
      await hook(request);
      return inner(request);
    };
  }

  /** Runs after a successful response. */
  after(hook: AfterHook): void {
    const inner = this.#chain;
    this.#chain = async (request) => {
      const response = await inner(request);
      return (await hook(response, request)) ?? response;
    };
  }

  /** Runs when the request failed. */
  error(hook: ErrorHook): void {
    const inner = this.#chain;
    this.#chain = async (request) => {
      try {
        return await inner(request);
      } catch (error) {
        return hook(error, request);
      }
    };
  }

  /** Surrounds the whole rest of the chain; may call `next` several times (retries) or not at all (cache). */
  wrap(hook: WrapHook): void {
    const inner = this.#chain;
    this.#chain = (request) => hook(request, inner);
  }

  /** Sends a request through every hook. */
  run(request: WscRequest): Promise<WscResponse> {
    return this.#chain(request);
  }
}
