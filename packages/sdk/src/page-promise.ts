import type { Page } from '@wsc/models';
import type { ApiPromise } from './api-promise';
import { WscError } from './errors/wsc-error';
import type { WscResponse } from './request';

/** Fetches the page that starts at `cursor` (undefined: the first page). */
export type PageFetcher<Item> = (cursor: string | undefined) => ApiPromise<Page<Item>>;

/** Most items `toArray` collects: past this, iterate with `for await` and keep what you need. */
export const MAX_TO_ARRAY_LIMIT = 10_000;

/** Options of `toArray`. */
export interface ToArrayOptions {
  /** How many items to collect at most (1 to 10 000): the list stops being fetched there. */
  limit: number;
}

/**
 * The result of every list method: await it for one page, or iterate it for every item of
 * every page. Nothing is fetched until it is awaited or iterated.
 *
 * @example
 * const page = await client.painPoints.list({ domain: 'water' });
 * console.log(page.data.length, page.nextCursor);
 *
 * for await (const painPoint of client.painPoints.list({ domain: 'water' })) {
 *   console.log(painPoint.title);
 * }
 *
 * const firstFifty = await client.painPoints.list().toArray({ limit: 50 });
 * const { data, requestId } = await client.painPoints.list().withResponse(); // the first page
 */
export class PagePromise<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: PageFetcher<Item>;
  readonly #startCursor: string | undefined;
  #first: ApiPromise<Page<Item>> | undefined;

  constructor(fetchPage: PageFetcher<Item>, startCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#startCursor = startCursor;
  }

  #firstPage(): ApiPromise<Page<Item>> {
    this.#first ??= this.#fetchPage(this.#startCursor);
    return this.#first;
  }

  /**
   * The first page with the status, headers and request id of its answer.
   *
   * @example
   * const { data: page, requestId } = await client.standards.list({ body: 'ITU' }).withResponse();
   */
  withResponse(): Promise<WscResponse<Page<Item>>> {
    return this.#firstPage().withResponse();
  }

  // biome-ignore lint/suspicious/noThenProperty: a page list is deliberately awaitable.
  then<Result = Page<Item>, Rejected = never>(
    onFulfilled?: ((page: Page<Item>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Result | Rejected> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch<Rejected = never>(
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Page<Item> | Rejected> {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<Item>> {
    return this.#firstPage().finally(onFinally);
  }

  /** Every page in turn, following `nextCursor` until it is null. */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page = await this.#firstPage();
    yield page;
    while (page.nextCursor !== null) {
      page = await this.#fetchPage(page.nextCursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /**
   * Collects items across pages, stopping after `limit` items. The limit is required and at
   * most 10 000, as in stripe-node's `autoPagingToArray`: a list that grows must not grow a
   * partner's memory and request count with it. To walk more, iterate with `for await`.
   *
   * @example
   * const first500 = await client.standards.list({ body: 'ISO' }).toArray({ limit: 500 });
   */
  async toArray(options: ToArrayOptions): Promise<Item[]> {
    const limit = options?.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_TO_ARRAY_LIMIT) {
      throw new WscError(
        `toArray needs { limit } between 1 and ${MAX_TO_ARRAY_LIMIT} (got ${String(limit)}); iterate with for await to walk more`,
      );
    }
    const items: Item[] = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
