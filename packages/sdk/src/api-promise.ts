import type { WscResponse } from './request';

/**
 * What every single-object call returns: await it for the data, or call `withResponse()` for the
 * data with the status, headers and request id of the answer (quote the request id in support
 * tickets). The request is sent at once, whichever is used.
 *
 * @example
 * const painPoint = await client.painPoints.get('flooded-underpasses');
 * const { data, requestId, status, headers } = await client.painPoints.get('flooded-underpasses').withResponse();
 */
export class ApiPromise<Data> implements PromiseLike<Data> {
  readonly #response: Promise<WscResponse<Data>>;
  #data: Promise<Data> | undefined;

  constructor(response: Promise<WscResponse<Data>>) {
    this.#response = response;
  }

  /** The data with the answer's `status`, `headers` (lower-case names) and `requestId`. */
  withResponse(): Promise<WscResponse<Data>> {
    return this.#response;
  }

  #dataPromise(): Promise<Data> {
    this.#data ??= this.#response.then((response) => response.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an API call is deliberately awaitable.
  then<Result = Data, Rejected = never>(
    onFulfilled?: ((data: Data) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Result | Rejected> {
    return this.#dataPromise().then(onFulfilled, onRejected);
  }

  catch<Rejected = never>(
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Data | Rejected> {
    return this.#dataPromise().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Data> {
    return this.#dataPromise().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}
