/** One position value of a list cursor, e.g. a vote count, a timestamp or an id. */
export type CursorValue = string | number | boolean | null;

/** Thrown by `decodeCursor` for anything that is not a cursor this platform issued. */
export class CursorError extends Error {
  override readonly name = 'CursorError';
}

const MAX_CURSOR_LENGTH = 512;

// One of each for the process: a list request decodes one cursor and encodes another.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64Url(text: string): string {
  const bytes = utf8Encoder.encode(text);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 1) binary += String.fromCharCode(bytes[index] as number);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return utf8Decoder.decode(bytes);
}

function isCursorValue(value: unknown): value is CursorValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Encodes a keyset position (a small tuple) as an opaque base64url cursor.
 *
 * @example
 * encodeCursor([42, '2016-07-13T09:00:00Z', 'pp_123']); // 'WzQyLCIyMDE2LTA3LTEzVDA5OjAwOjAwWiIsInBwXzEyMyJd'
 */
export function encodeCursor(position: readonly CursorValue[]): string {
  if (!position.every(isCursorValue))
    throw new CursorError('A cursor holds strings, finite numbers, booleans or null');
  return toBase64Url(JSON.stringify(position));
}

/**
 * Decodes a cursor made by `encodeCursor`. Throws `CursorError` on garbage, so a route can
 * answer 400 with a clear message instead of a database error.
 *
 * @example
 * decodeCursor(encodeCursor([42, 'pp_123'])); // [42, 'pp_123']
 * decodeCursor('not a cursor'); // throws CursorError
 */
export function decodeCursor(cursor: string, expectedLength?: number): CursorValue[] {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new CursorError('The cursor is not one this API issued: pass nextCursor from the previous page');
  }
  let position: unknown;
  try {
    position = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new CursorError('The cursor is corrupted: pass nextCursor from the previous page unchanged');
  }
  if (!Array.isArray(position) || !position.every(isCursorValue)) {
    throw new CursorError('The cursor does not hold a list position');
  }
  if (expectedLength !== undefined && position.length !== expectedLength) {
    throw new CursorError('The cursor belongs to a different list or sort order');
  }
  return position;
}
