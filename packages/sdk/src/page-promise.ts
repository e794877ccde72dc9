import type { Page } from '@wsc/models';

/** Fetches the page that starts at `cursor` (undefined: the first page). */
export type PageFetcher<Item> = (cursor: string | undefined) => Promise<Page<Item>>;

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
 */
export class PagePromise<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: PageFetcher<Item>;
  readonly #startCursor: string | undefined;
  #first: Promise<Page<Item>> | undefined;

  constructor(fetchPage: PageFetcher<Item>, startCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#startCursor = startCursor;
  }

  #firstPage(): Promise<Page<Item>> {
    this.#first ??= this.#fetchPage(this.#startCursor);
    return this.#first;
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
   * Collects items across pages, stopping after `limit` items (default: all of them).
   *
   * @example
   * const all = await client.standards.list({ body: 'ISO' }).toArray({ limit: 500 });
   */
  async toArray(options: { limit?: number } = {}): Promise<Item[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const items: Item[] = [];
    if (limit <= 0) return items;
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
