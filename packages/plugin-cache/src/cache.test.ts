import { createHash } from 'node:crypto';
import { WscClient } from '@wsc/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painPointFixture, type StubServer, startStubServer } from '../../sdk/test/stub-server';
import { cache } from './cache';
import { LruCache } from './lru';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

/** Serves `body(request path)` with a strong ETag and answers 304 to a matching If-None-Match, as the platform does. */
function serveWithEntityTags(body: (path: string) => unknown) {
  stub.handle((request, response) => {
    const payload = JSON.stringify(body(request.url));
    const etag = `"${createHash('sha1').update(payload).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      return response.end();
    }
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(payload);
  });
}

const CachingClient = WscClient.plugin(cache);

describe('@wsc/plugin-cache', () => {
  it('revalidates with If-None-Match and serves the stored body on 304', async () => {
    serveWithEntityTags(() => painPointFixture({ voteCount: 7 }));
    const client = new CachingClient({ baseURL: stub.baseURL });
    const first = await client.painPoints.get('pp_1');
    const second = await client.painPoints.get('pp_1');
    expect(second).toEqual(first);
    expect(second.voteCount).toBe(7);
    expect(stub.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(stub.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(client.cache.size).toBe(1);
  });

  it('takes the new body when the resource changed', async () => {
    let votes = 1;
    serveWithEntityTags(() => painPointFixture({ voteCount: votes }));
    const client = new CachingClient({ baseURL: stub.baseURL });
    await client.painPoints.get('pp_1');
    votes = 2;
    expect((await client.painPoints.get('pp_1')).voteCount).toBe(2);
    expect((await client.painPoints.get('pp_1')).voteCount).toBe(2);
  });

  it('keeps at most maxEntries responses, evicting the least recently used', async () => {
    serveWithEntityTags((path) => painPointFixture({ id: path.split('/').pop() }));
    const client = new CachingClient({ baseURL: stub.baseURL, cache: { maxEntries: 2 } });
    await client.painPoints.get('a');
    await client.painPoints.get('b');
    await client.painPoints.get('c');
    expect(client.cache.size).toBe(2);
    await client.painPoints.get('a');
    expect(stub.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    await client.painPoints.get('c');
    expect(stub.requests.at(-1)?.headers['if-none-match']).toBeDefined();
  });

  it('bypasses the cache for a call with { cache: false }', async () => {
    serveWithEntityTags(() => painPointFixture());
    const client = new CachingClient({ baseURL: stub.baseURL });
    await client.painPoints.get('pp_1');
    await client.painPoints.get('pp_1', { cache: false });
    expect(stub.requests[1]?.headers['if-none-match']).toBeUndefined();
    await client.painPoints.get('pp_2', { cache: false });
    expect(client.cache.size).toBe(1);
  });

  it('leaves writes alone', async () => {
    serveWithEntityTags(() => painPointFixture());
    const client = new CachingClient({ baseURL: stub.baseURL, token: 'session_token_1' });
    await client.painPoints.update('pp_1', { severity: 'low' });
    await client.painPoints.update('pp_1', { severity: 'low' });
    expect(stub.requests.every((request) => request.headers['if-none-match'] === undefined)).toBe(true);
    expect(client.cache.size).toBe(0);
  });
});

describe('LruCache', () => {
  it('evicts the least recently read entry', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
