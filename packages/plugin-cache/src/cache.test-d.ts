import { WscClient } from '@wsc/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import { type CacheControls, cache } from './cache';

describe('cache plugin types', () => {
  it('adds `cache` controls and the `cache` option', () => {
    const client = new (WscClient.plugin(cache))({ baseURL: 'http://x', cache: { maxEntries: 10 } });
    expectTypeOf(client.cache).toEqualTypeOf<CacheControls['cache']>();
    expectTypeOf(client.cache.size).toEqualTypeOf<number>();
    // @ts-expect-error maxEntries is a number.
    new (WscClient.plugin(cache))({ baseURL: 'http://x', cache: { maxEntries: 'many' } });
    // One call may bypass the cache; only `false` means something there.
    new (WscClient.plugin(cache))({ baseURL: 'http://x' }).painPoints.get('pp_1', { cache: false });
    // @ts-expect-error `true` is the default, not an option.
    new (WscClient.plugin(cache))({ baseURL: 'http://x' }).painPoints.get('pp_1', { cache: true });
    // @ts-expect-error the base client has no cache controls.
    new WscClient({ baseURL: 'http://x' }).cache;
  });
});
