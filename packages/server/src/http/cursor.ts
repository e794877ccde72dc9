import { problem } from './problem';

/**
 * An opaque keyset cursor: the sort values of the last row of a page, base64url JSON.
 *
 * @example
 * encodeCursor({ createdAt: '2026-01-01T00:00:00.000Z', id: 'a1' }); // 'eyJjcmVhdGVkQXQiOi…'
 */
export function encodeCursor(values: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeCursor}; a tampered or foreign cursor is a 400 problem,
 * never a server error.
 *
 * @example
 * const after = decodeCursor(query.cursor, ['createdAt', 'id']);
 */
export function decodeCursor<Field extends string>(
  cursor: string,
  fields: readonly Field[],
): Record<Field, string | number | null> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const field of fields) {
      const value = values[field];
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new Error(field);
    }
    return values as Record<Field, string | number | null>;
  } catch {
    throw problem('invalid-cursor', {
      detail: 'Pass the nextCursor of a previous page unchanged.',
      errors: [{ path: 'cursor', message: 'Not a cursor of this list', code: 'invalid_cursor' }],
    });
  }
}
