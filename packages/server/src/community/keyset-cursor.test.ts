import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { pageCursor, readPageCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  it('round-trip the sort keys of the last row', () => {
    const cursor = pageCursor('top', [12, 'a1b2']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readPageCursor(cursor, 'top', ['number', 'string'])).toEqual([12, 'a1b2']);
    const fresh = pageCursor('new', ['2026-11-25T12:00:00.123456Z', 'id']);
    expect(readPageCursor(fresh, 'new', ['string', 'string'])).toEqual(['2026-11-25T12:00:00.123456Z', 'id']);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['another sort', pageCursor('new', ['2026-01-01T00:00:00Z', 'x'])],
    ['wrong key types', pageCursor('top', ['twelve', 'x'])],
    ['wrong length', pageCursor('top', [1])],
  ])('refuse %s with 400 naming the cursor', (_name, cursor) => {
    try {
      readPageCursor(cursor, 'top', ['number', 'string']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).errors?.[0]?.path).toBe('cursor');
    }
  });
});
