import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { type KeyType, type KeyValue, pageCursor, readKeysetPage } from './keyset-cursor';

/** The keys `readKeysetPage` hands the repository for `cursor`, and the page it answers. */
async function readAfter(cursor: string, sort: string, keyTypes: readonly KeyType[]) {
  let read: KeyValue[] | null = null;
  const page = await readKeysetPage({
    cursor,
    limit: 2,
    sort,
    keyTypes,
    read: async (after) => {
      read = after;
      return [];
    },
    keysOf: (row: KeyValue[]) => row,
    toItem: (row) => row,
  });
  return { after: read, page };
}

describe('keyset cursors', () => {
  it('round-trip the sort keys of the last row', async () => {
    const cursor = pageCursor('top', [12, 'a1b2']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await readAfter(cursor, 'top', ['number', 'string'])).after).toEqual([12, 'a1b2']);
    const fresh = pageCursor('new', ['2026-11-25T12:00:00.123456Z', 'id']);
    expect((await readAfter(fresh, 'new', ['string', 'string'])).after).toEqual([
      '2026-11-25T12:00:00.123456Z',
      'id',
    ]);
  });

  it('asks for limit + 1 rows and answers nextCursor only when a further row exists', async () => {
    const counts: number[] = [];
    const rows = [
      [3, 'c'],
      [2, 'b'],
      [1, 'a'],
    ];
    const page = (available: number) =>
      readKeysetPage({
        limit: 2,
        sort: 'top',
        keyTypes: ['number', 'string'],
        read: async (_after, count) => {
          counts.push(count);
          return rows.slice(0, Math.min(count, available));
        },
        keysOf: (row) => row as KeyValue[],
        toItem: (row) => row[1],
      });
    const full = await page(3);
    expect(full.data).toEqual(['c', 'b']);
    expect(full.nextCursor).toBe(pageCursor('top', [2, 'b']));
    expect(await page(2)).toEqual({ data: ['c', 'b'], nextCursor: null });
    expect(counts).toEqual([3, 3]);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['another sort', pageCursor('new', ['2026-01-01T00:00:00Z', 'x'])],
    ['wrong key types', pageCursor('top', ['twelve', 'x'])],
    ['wrong length', pageCursor('top', [1])],
  ])('refuse %s with 400 naming the cursor', async (_name, cursor) => {
    const refusal = await readAfter(cursor, 'top', ['number', 'string']).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).status).toBe(400);
    expect((refusal as DomainError).errors?.[0]?.path).toBe('cursor');
  });
});
