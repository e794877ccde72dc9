import { type RawBuilder, sql } from 'kysely';

/** More words than this in one query are ignored: each word is one more index probe. */
const MAX_TERMS = 8;

/**
 * Splits a search query into words. Scripts without spaces (Chinese) stay one term, which is
 * then matched as a substring, so `交通` finds `城市交通拥堵`.
 *
 * @example
 * searchTerms('  water   leaks '); // ['water', 'leaks']
 */
export function searchTerms(query: string): string[] {
  return query
    .split(/\s+/u)
    .map((term) => term.trim())
    .filter((term) => term !== '')
    .slice(0, MAX_TERMS);
}

/**
 * A LIKE pattern matching `term` anywhere, with LIKE's own wildcards (`%`, `_`) and the escape
 * character taken literally.
 *
 * @example
 * containsPattern('50%'); // '%50\\%%'
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The SQL condition "this row matches the query" over a table's generated `search_text`
 * (lower-cased text of every language, trigram-indexed), `search_vector` ('simple' config) and
 * `search_vector_stemmed` (Russian and English stems, migration 0005): every word must occur as
 * a substring, or the words must match whole tokens, or their stems (`ПРОБКАХ` finds `Пробки`,
 * `leaking` finds `leaks`). Null for a blank query. Values are bound as parameters, never
 * spliced into the SQL.
 *
 * @example
 * const condition = textSearchCondition('pain_points', '交通');
 * if (condition) query = query.where(condition);
 */
export function textSearchCondition(table: string, query: string | undefined): RawBuilder<boolean> | null {
  if (query === undefined) return null;
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const searchText = sql.ref(`${table}.search_text`);
  const searchVector = sql.ref(`${table}.search_vector`);
  const stemmedVector = sql.ref(`${table}.search_vector_stemmed`);
  const words = terms.join(' ');
  const substrings = terms.map((term) => sql<boolean>`${searchText} like lower(${containsPattern(term)})`);
  return sql<boolean>`(${searchVector} @@ plainto_tsquery('simple', ${words}) or ${stemmedVector} @@ (plainto_tsquery('russian', ${words}) || plainto_tsquery('english', ${words})) or (${sql.join(
    substrings,
    sql` and `,
  )}))`;
}
