import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StubServer, sendJson, startStubServer } from '../test/stub-server';
import { WscClient } from './client';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

const standard = (id: string) => ({
  id,
  body: 'ISO',
  reference: `ISO ${id}`,
  title: { en: `Standard ${id}` },
  committee: 'ISO/TC 268',
  status: 'published',
  publicationYear: 2018,
  domains: ['water'],
  url: 'https://www.iso.org/standard/1.html',
});

/** Three pages of two standards each, linked by cursors. */
function serveThreePages() {
  stub.handle((request, response) => {
    const cursor = new URL(request.url, stub.baseURL).searchParams.get('cursor');
    const page = cursor === null ? 0 : Number(cursor);
    sendJson(response, 200, {
      data: [standard(`s${page * 2}`), standard(`s${page * 2 + 1}`)],
      nextCursor: page < 2 ? String(page + 1) : null,
    });
  });
}

describe('PagePromise', () => {
  it('awaits to the first page with its cursor, passing the filters', async () => {
    serveThreePages();
    const page = await new WscClient({ baseURL: stub.baseURL }).standards.list({ body: 'ISO', limit: 2 });
    expect(page.data.map((item) => item.id)).toEqual(['s0', 's1']);
    expect(page.nextCursor).toBe('1');
    expect(stub.requests[0]?.url).toBe('/v1/standards?body=ISO&limit=2');
  });

  it('fetches nothing until awaited or iterated', async () => {
    serveThreePages();
    const list = new WscClient({ baseURL: stub.baseURL }).standards.list();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stub.requests).toHaveLength(0);
    await list;
    expect(stub.requests).toHaveLength(1);
  });

  it('iterates every item across pages', async () => {
    serveThreePages();
    const ids: string[] = [];
    for await (const item of new WscClient({ baseURL: stub.baseURL }).standards.list()) ids.push(item.id);
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(
      stub.requests.map((request) => new URL(request.url, stub.baseURL).searchParams.get('cursor')),
    ).toEqual([null, '1', '2']);
  });

  it('stops fetching once toArray has its limit', async () => {
    serveThreePages();
    const items = await new WscClient({ baseURL: stub.baseURL }).standards.list().toArray({ limit: 3 });
    expect(items.map((item) => item.id)).toEqual(['s0', 's1', 's2']);
    expect(stub.requests).toHaveLength(2);
  });

  it('needs a toArray limit between 1 and 10 000, and fetches nothing without one', async () => {
    serveThreePages();
    const list = new WscClient({ baseURL: stub.baseURL }).standards.list();
    for (const options of [undefined, {}, { limit: 0 }, { limit: 10_001 }, { limit: 2.5 }]) {
      // @ts-expect-error the limit is required; the checks below cover callers without types.
      await expect(list.toArray(options)).rejects.toThrow(/limit/);
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('gives the first page with its request id from withResponse()', async () => {
    serveThreePages();
    const { data, requestId, status } = await new WscClient({ baseURL: stub.baseURL }).standards
      .list()
      .withResponse();
    expect([data.data.length, data.nextCursor, requestId, status]).toEqual([2, '1', 'req_stub', 200]);
  });

  it('reuses the first page when awaited and then iterated', async () => {
    serveThreePages();
    const list = new WscClient({ baseURL: stub.baseURL }).standards.list();
    await list;
    expect(await list.toArray({ limit: 1000 })).toHaveLength(6);
    expect(stub.requests).toHaveLength(3);
  });
});
