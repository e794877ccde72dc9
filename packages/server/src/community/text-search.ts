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

/** A condition as SQL text and bound values, in order: what both the builders below assemble. */
type ConditionPart = string | { value: string };

/**
 * The parts of "this row matches the query" over a table's generated `search_text`
 * (lower-cased text of every language, trigram-indexed), `search_vector` ('simple' config) and
 * `search_vector_stemmed` (Russian and English stems, migration 0005): every word must occur as
 * a substring, or the words must match whole tokens, or their stems (`ПРОБКАХ` finds `Пробки`,
 * `leaking` finds `leaks`). Null for a blank query. Words are values, never SQL text.
 */
function textSearchParts(table: string, query: string | undefined): ConditionPart[] | null {
  if (query === undefined) return null;
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const words = { value: terms.join(' ') };
  // Each query is a scalar subquery, computed once per statement: as a plain expression over a
  // bound parameter, a prepared plan parses the words again for every row it tests (a search
  // walking 2,000 rows spent most of its time there).
  const parts: ConditionPart[] = [
    `(${table}.search_vector @@ (select plainto_tsquery('simple', `,
    words,
    `)) or ${table}.search_vector_stemmed @@ (select plainto_tsquery('russian', `,
    words,
    `) || plainto_tsquery('english', `,
    words,
    ')) or (',
  ];
  terms.forEach((term, index) => {
    parts.push(
      `${index > 0 ? ' and ' : ''}${table}.search_text like lower(`,
      { value: containsPattern(term) },
      ')',
    );
  });
  parts.push('))');
  return parts;
}

/**
 * The SQL condition "this row matches the query" (see {@link textSearchParts}) for a Kysely
 * query. Null for a blank query. Values are bound as parameters, never spliced into the SQL.
 *
 * @example
 * const condition = textSearchCondition('pain_points', '交通');
 * if (condition) query = query.where(condition);
 */
export function textSearchCondition(table: string, query: string | undefined): RawBuilder<boolean> | null {
  const parts = textSearchParts(table, query);
  if (!parts) return null;
  return sql<boolean>`${sql.join(
    parts.map((part) => (typeof part === 'string' ? sql.raw(part) : sql`${part.value}`)),
    sql.raw(''),
  )}`;
}

/**
 * The same condition as SQL text for a statement assembled by hand (the hot list query);
 * `bind(value)` stores a value and answers its placeholder (`$3`). Null for a blank query.
 *
 * @example
 * const parameters: unknown[] = [];
 * const bind = (value: unknown) => `$${parameters.push(value)}`;
 * textSearchText('pain_points', '交通', bind); // "(pain_points.search_vector @@ (select plainto_tsquery('simple', $1)) or …)"
 */
export function textSearchText(
  table: string,
  query: string | undefined,
  bind: (value: unknown) => string,
): string | null {
  const parts = textSearchParts(table, query);
  if (!parts) return null;
  return parts.map((part) => (typeof part === 'string' ? part : bind(part.value))).join('');
}
