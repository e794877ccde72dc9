import { CursorError, decodeCursor, encodeCursor } from '@wsc/models/rules';
import { type HttpProblem, problem } from '../http/problem';

/** A sort key value a keyset cursor carries: numbers (votes, scores) or strings (ids, timestamps). */
export type KeyValue = string | number;

/**
 * Makes the opaque `nextCursor` of a list page from the sort it belongs to and the last row's
 * sort keys (id last, so the position is total). Cursors are not signed: a forged one only moves
 * the reader within rows they may read anyway.
 *
 * @example
 * pageCursor('top', [12, 'a1b2']); // base64url of ["top",12,"a1b2"]
 */
export function pageCursor(sort: string, keys: readonly KeyValue[]): string {
  return encodeCursor([sort, ...keys]);
}

/**
 * Reads a cursor back for `sort`, refusing with 400 (field `cursor`) one that is malformed,
 * belongs to another sort order, or carries keys of the wrong types.
 *
 * @example
 * readPageCursor(cursor, 'top', ['number', 'string']); // [12, 'a1b2']
 */
export function readPageCursor(
  cursor: string,
  sort: string,
  keyTypes: readonly ('string' | 'number')[],
): KeyValue[] {
  let position: unknown[];
  try {
    position = decodeCursor(cursor, keyTypes.length + 1);
  } catch (error) {
    if (error instanceof CursorError) throw invalidCursor(error.message);
    throw error;
  }
  const [cursorSort, ...keys] = position;
  if (cursorSort !== sort) throw invalidCursor(`The cursor belongs to another sort order than \`${sort}\``);
  if (keys.some((value, index) => typeof value !== keyTypes[index])) {
    throw invalidCursor('The cursor is not one this API issued: pass nextCursor from the previous page');
  }
  return keys as KeyValue[];
}

function invalidCursor(detail: string): HttpProblem {
  return problem('invalid-cursor', { detail, errors: [{ path: 'cursor', message: detail }] });
}
