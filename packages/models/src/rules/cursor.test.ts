import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CursorError, decodeCursor, encodeCursor } from './cursor';

const value = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

describe('cursor', () => {
  it('round-trips any small tuple, including non-Latin text', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (position) => {
        const cursor = encodeCursor(position);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        // JSON turns -0 into 0; compare through JSON to state that explicitly.
        expect(decodeCursor(cursor)).toEqual(JSON.parse(JSON.stringify(position)));
      }),
      { numRuns: 300 },
    );
    expect(decodeCursor(encodeCursor([3, '城市', 'مدينة']))).toEqual([3, '城市', 'مدينة']);
  });

  it.each([
    ['', /not one this API issued/],
    ['not a cursor!', /not one this API issued/],
    ['x'.repeat(600), /not one this API issued/],
    ['Zm9v', /corrupted/], // "foo"
    ['eyJhIjoxfQ', /list position/], // {"a":1}
    ['WyJhIiwxLFtdXQ', /list position/], // ["a",1,[]]
    ['_w', /corrupted/], // invalid UTF-8
  ])('rejects %j with a clear CursorError', (cursor, message) => {
    expect(() => decodeCursor(cursor)).toThrow(CursorError);
    expect(() => decodeCursor(cursor)).toThrow(message);
  });

  it('checks the expected tuple length', () => {
    expect(() => decodeCursor(encodeCursor([1, 'a']), 3)).toThrow(/different list/);
    expect(decodeCursor(encodeCursor([1, 'a']), 2)).toEqual([1, 'a']);
  });

  it('refuses to encode values JSON cannot carry faithfully', () => {
    expect(() => encodeCursor([Number.NaN])).toThrow(CursorError);
  });
});
