import type { Language, PainPointListParams } from '@wsc/models';

/** A first page as anonymous readers receive it: the serialized body and what depends only on it. */
export interface CachedPage {
  /** The JSON body, serialized and encoded once: every hit writes these bytes as they are. */
  body: Buffer;
  /** Its strong ETag (so the ETag step does not hash it again). */
  etag: string;
  /** The `Content-Language` value of this page. */
  contentLanguage: string;
}

interface Entry extends CachedPage {
  expiresAt: number;
}

export interface FirstPageCacheOptions {
  /** How long a page may be served without a write notification (the backstop). 0 disables. */
  ttlMilliseconds: number;
  /** Pages kept at most; the least recently read goes first. */
  maxEntries?: number | undefined;
  /** Monotonic milliseconds (tests move it). Default `performance.now`. */
  now?: (() => number) | undefined;
}

const DEFAULT_MAX_ENTRIES = 256;

/**
 * Per-instance cache of the first page (no cursor) of `GET /v1/pain-points` for anonymous
 * readers, keyed by sort, filters (not `q`: searches are not cached), limit and the reader's
 * language order. Members bypass it
 * (their `voted` flags differ). Only bodies are kept, never headers: CORS and rate-limit headers
 * stay per request. `invalidate()` empties it (called for every pain point change the outbox
 * feed delivers, on every instance); a short TTL covers a missed notification.
 *
 * A read that started before an invalidation must not store its (possibly older) page: callers
 * take `generation` before reading the database and pass it to `set`, which ignores a stale one.
 *
 * @example
 * const cache = new FirstPageCache({ ttlMilliseconds: 2000 });
 * const key = cache.keyOf(query, ['en']);
 * const generation = cache.generation;
 * const page = await read();
 * if (key) cache.set(key, generation, { body, etag, contentLanguage });
 */
export class FirstPageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttl: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #generation = 0;

  constructor(options: FirstPageCacheOptions) {
    this.#ttl = options.ttlMilliseconds;
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Pages held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bumped by every invalidation. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * The cache key of a list request, or null when it is not cacheable: a cursor page, a search
   * (`q` is free text, a long tail that would only evict the hot browse pages), or caching off.
   */
  keyOf(query: PainPointListParams, languages: readonly Language[]): string | null {
    if (this.#ttl <= 0 || query.cursor !== undefined || query.q !== undefined) return null;
    return JSON.stringify([
      query.sort,
      query.limit,
      query.domain ?? null,
      query.country ?? null,
      query.city ?? null,
      query.status ?? null,
      query.standard ?? null,
      languages.join(','),
    ]);
  }

  /** The page stored under `key`, unless it expired. */
  get(key: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    // Most recently read last: eviction takes the first (least recently read) key.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Stores a page read while `generation` was current; ignored if an invalidation came since. */
  set(key: string, generation: number, page: CachedPage): void {
    if (generation !== this.#generation || this.#ttl <= 0) return;
    this.#entries.delete(key);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { ...page, expiresAt: this.#now() + this.#ttl });
  }

  /** Drops every page (a pain point, vote, comment or mapping changed somewhere). */
  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

/** Outbox event types that change what a list page shows (counts, order, filters). */
export function changesPainPointPages(type: string): boolean {
  return (
    type.startsWith('pain_point.') || type.startsWith('comment.') || type.startsWith('standard_mapping.')
  );
}
