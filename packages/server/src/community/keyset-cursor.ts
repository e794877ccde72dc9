import type { Page } from '@wsc/models';
import { CursorError, decodeCursor, encodeCursor } from '@wsc/models/rules';
import { type RawBuilder, sql } from 'kysely';
import { type DomainError, domainError } from '../errors/domain-error';

/** A sort key value a keyset cursor carries: numbers (votes, scores) or strings (ids, timestamps). */
export type KeyValue = string | number;

/**
 * What a cursor key holds: a number, a string (an id, a name), or a `timestamp`, the text of
 * a `timestamptz` to the microsecond ({@link timestampKey}).
 */
export type KeyType = 'string' | 'number' | 'timestamp';

/** A `timestamptz` as {@link timestampKey} writes it: UTC, always six fractional digits. */
const TIMESTAMP_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * SQL text of a `timestamptz` column as a cursor key: UTC to the microsecond, as PostgreSQL
 * orders it. A JavaScript Date keeps milliseconds only, so rows created within one millisecond
 * would be skipped or repeated at a page boundary. Compare it back with `${key}::timestamptz`.
 *
 * @example
 * timestampKeySql('comments.created_at'); // "to_char(comments.created_at at time zone 'UTC', …)"
 */
export function timestampKeySql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * {@link timestampKeySql} for the query builder.
 *
 * @example
 * db.selectFrom('partners').selectAll().select(timestampKey('partners.created_at').as('created_at_key'));
 */
export function timestampKey(column: string): RawBuilder<string> {
  return sql<string>`${sql.raw(timestampKeySql(column))}`;
}

/**
 * The keyset condition of a page after a `[timestamp, id]` cursor key: the rows that come after
 * it in the list's order, `(column, idColumn) > (key::timestamptz, id)` ascending and `<`
 * descending. `column` is a `timestamptz` whose key {@link timestampKey} wrote.
 *
 * @example
 * if (after) query = query.where(afterTimestampKey('comments.created_at', 'comments.id', 'asc', after));
 */
export function afterTimestampKey(
  column: string,
  idColumn: string,
  direction: 'asc' | 'desc',
  after: readonly KeyValue[],
): RawBuilder<boolean> {
  const [key, id] = after;
  const comparison = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${comparison} (${key}::timestamptz, ${id})`;
}

/**
 * The rows of one page and its `nextCursor`, from the `limit + 1` rows a keyset query read:
 * a cursor only when a further row exists, made from the last row's keys.
 *
 * @example
 * return keysetPage(rows, limit, 'partners', (row) => [row.created_at_key, row.id]);
 */
function keysetPage<Row>(
  rows: readonly Row[],
  limit: number,
  sort: string,
  keysOf: (row: Row) => readonly KeyValue[],
): { rows: Row[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    nextCursor: rows.length > limit && last !== undefined ? pageCursor(sort, keysOf(last)) : null,
  };
}

/** What {@link readKeysetPage} needs to read one page of a list. */
export interface KeysetPageRead<Row, Item> {
  /** The `cursor` query parameter, when the reader asks for a page after the first. */
  cursor?: string | undefined;
  limit: number;
  /** The sort order the cursor belongs to: a cursor of another order is refused. */
  sort: string;
  /** The types of the sort keys a cursor of this order carries, id last. */
  keyTypes: readonly KeyType[];
  /** The repository query: at most `count` rows after `after` (the first page when null). */
  read: (after: KeyValue[] | null, count: number) => Promise<readonly Row[]>;
  /** A row's sort keys, as `keyTypes` lists them. */
  keysOf: (row: Row) => readonly KeyValue[];
  /** The API form of a row. */
  toItem: (row: Row) => Item;
}

/**
 * One page of a keyset list, as every list answers it: the cursor read back (400
 * `invalid-cursor` naming `cursor` when it is not one this API issued for `sort`), `limit + 1`
 * rows asked of the repository, and `nextCursor` only when a further row exists.
 *
 * @example
 * return readKeysetPage({
 *   cursor, limit, sort: 'partners', keyTypes: ['timestamp', 'string'],
 *   read: (after, count) => listPartners(db, after, count),
 *   keysOf: (row) => [row.created_at_key, row.id],
 *   toItem: toPartner,
 * });
 */
export async function readKeysetPage<Row, Item>(page: KeysetPageRead<Row, Item>): Promise<Page<Item>> {
  const after = page.cursor ? readPageCursor(page.cursor, page.sort, page.keyTypes) : null;
  const rows = await page.read(after, page.limit + 1);
  const { rows: pageRows, nextCursor } = keysetPage(rows, page.limit, page.sort, page.keysOf);
  return { data: pageRows.map(page.toItem), nextCursor };
}

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
 * Reads a cursor back for `sort`, refusing with 400 `invalid-cursor` (field `cursor`) one that
 * is malformed, belongs to another sort order, or carries keys of the wrong types.
 *
 * @example
 * readPageCursor(cursor, 'top', ['number', 'string']); // [12, 'a1b2']
 * readPageCursor(cursor, 'new', ['timestamp', 'string']); // ['2026-03-01T10:00:00.123456Z', 'a1b2']
 */
function readPageCursor(cursor: string, sort: string, keyTypes: readonly KeyType[]): KeyValue[] {
  let position: unknown[];
  try {
    position = decodeCursor(cursor, keyTypes.length + 1);
  } catch (error) {
    if (error instanceof CursorError) throw invalidCursor(error.message);
    throw error;
  }
  const [cursorSort, ...keys] = position;
  if (cursorSort !== sort) throw invalidCursor(`The cursor belongs to another sort order than \`${sort}\``);
  if (keys.some((value, index) => !isKeyOfType(value, keyTypes[index] ?? 'string'))) {
    throw invalidCursor('The cursor is not one this API issued: pass nextCursor from the previous page');
  }
  return keys as KeyValue[];
}

function isKeyOfType(value: unknown, type: KeyType): boolean {
  if (type === 'timestamp') return typeof value === 'string' && TIMESTAMP_KEY_PATTERN.test(value);
  return typeof value === type;
}

function invalidCursor(detail: string): DomainError {
  return domainError('invalid-cursor', { detail, errors: [{ path: 'cursor', message: detail }] });
}
