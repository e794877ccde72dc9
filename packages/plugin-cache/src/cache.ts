import type { WscClient, WscPlugin, WscRequest } from '@wsc/sdk';
import { LruCache } from './lru';

/** Options of `@wsc/plugin-cache`, passed as `cache` to the client. */
export interface CacheOptions {
  /** Most responses kept (default 100). */
  maxEntries?: number;
}

/** The per-call option of `@wsc/plugin-cache`: `false` neither serves nor stores this call's answer. */
export type CacheRequestOptions = false;

declare module '@wsc/sdk' {
  interface ClientOptions {
    /** ETag cache settings of `@wsc/plugin-cache`. */
    cache?: CacheOptions;
  }
  interface RequestOptions {
    /** `false`: this call bypasses `@wsc/plugin-cache` (no `If-None-Match`, nothing stored). */
    cache?: CacheRequestOptions;
  }
}

interface CachedBody {
  etag: string;
  data: unknown;
}

/** What the cache adds to the client. */
export interface CacheControls {
  cache: {
    /** Forgets every stored response. */
    clear(): void;
    /** Number of stored responses. */
    readonly size: number;
  };
}

function cacheKey(request: WscRequest): string {
  const query = Object.entries(request.query)
    .filter(([, value]) => value !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
  // Language changes the body; validated and unvalidated bodies must not stand in for each other.
  return `${request.path}?${query}#${request.headers['accept-language'] ?? ''}#${request.schema ? 'v' : 'n'}`;
}

/**
 * Revalidates GET responses with `If-None-Match` and serves the stored body on `304 Not
 * Modified`, saving the transfer and the parsing. Every GET still asks the server, so a body
 * that changed, or differs for another signed-in user, is never served stale.
 *
 * @example
 * import { WscClient } from '@wsc/sdk';
 * import { cache } from '@wsc/plugin-cache';
 *
 * const client = new (WscClient.plugin(cache))({ baseURL, cache: { maxEntries: 500 } });
 * await client.standards.get('iso-37120-2018'); // 200, stored with its ETag
 * await client.standards.get('iso-37120-2018'); // 304, served from the cache
 * await client.standards.get('iso-37120-2018', { cache: false }); // 200, not stored
 */
export const cache = ((client: WscClient, options): CacheControls => {
  const entries = new LruCache<string, CachedBody>(options.cache?.maxEntries ?? 100);
  client.hook.wrap(async (request, next) => {
    if (
      request.method !== 'GET' ||
      request.responseType !== 'json' ||
      request.headers['if-none-match'] ||
      request.options.cache === false
    ) {
      return next(request);
    }
    const key = cacheKey(request);
    const cached = entries.get(key);
    if (cached) request.headers['if-none-match'] = cached.etag;
    const response = await next(request);
    if (response.status === 304 && cached) return { ...response, data: cached.data };
    const etag = response.headers.etag;
    if (response.status === 200 && etag) entries.set(key, { etag, data: response.data });
    else entries.delete(key);
    return response;
  });
  return {
    cache: {
      clear: () => entries.clear(),
      get size() {
        return entries.size;
      },
    },
  };
}) satisfies WscPlugin;
