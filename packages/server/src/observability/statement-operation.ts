/** The statements told apart in metrics and span names; anything else is `other`. */
const OPERATIONS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'begin',
  'commit',
  'rollback',
  'savepoint',
  'release',
  'set',
  'create',
  'alter',
  'drop',
  'truncate',
  'lock',
]);

const FIRST_WORD = /^\s*\(?\s*([a-z]+)/i;

/**
 * What a statement does, by its first keyword, from a short fixed list (a metric label must not
 * take unbounded values).
 *
 * @example
 * statementOperation('select * from pain_points where id = $1'); // 'select'
 * statementOperation('vacuum analyze'); // 'other'
 */
export function statementOperation(sql: string): string {
  const word = FIRST_WORD.exec(sql)?.[1]?.toLowerCase();
  return word && OPERATIONS.has(word) ? word : 'other';
}
