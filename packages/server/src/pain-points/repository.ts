import type { Domain, PainPointSort, PainPointStatus } from '@wsc/models';
import { CompiledQuery, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { type KeyType, type KeyValue, timestampKeySql } from '../community/keyset-cursor';
import { textSearchText } from '../community/text-search';
import { trendingScoreSql } from '../community/trending';
import { preparedStatement } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';

/** A stored pain point as the services read it (search columns left out). */
export interface PainPointRow {
  id: string;
  slug: string | null;
  title: Record<string, string>;
  description: Record<string, string>;
  language: string;
  domain: string;
  city: string | null;
  country: string | null;
  severity: string;
  status: string;
  duplicate_of: string | null;
  vote_count: number;
  comment_count: number;
  trending_score: number;
  locked: boolean;
  sample: boolean;
  author_id: string | null;
  partner_id: string | null;
  created_at: Date;
  updated_at: Date;
  /** created_at with its microseconds, as the `new` cursor needs (a Date keeps milliseconds only). */
  created_at_key: string;
  /** Whether the viewer voted; only selected when a viewer is given. */
  voted?: boolean;
}

type Database = Kysely<DatabaseSchema>;

/** The stored columns every read of a pain point selects (the search columns are left out). */
const PAIN_POINT_COLUMNS = [
  'id',
  'slug',
  'title',
  'description',
  'language',
  'domain',
  'city',
  'country',
  'severity',
  'status',
  'duplicate_of',
  'vote_count',
  'comment_count',
  'trending_score',
  'locked',
  'sample',
  'author_id',
  'partner_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof PainPointRow)[];

/** How each sort orders the rows (descending, id breaking ties) and what its cursor carries. */
export const SORT_KEYS: Record<PainPointSort, { column: string; keyType: KeyType }> = {
  top: { column: 'vote_count', keyType: 'number' },
  new: { column: 'created_at', keyType: 'timestamp' },
  trending: { column: 'trending_score', keyType: 'number' },
};

/** `created_at` with its microseconds, as text: the `new` sort's cursor key. */
const CREATED_AT_KEY = timestampKeySql('pain_points.created_at');

/** The columns of {@link selectPainPoint} as SQL text (the hand-assembled list query). */
const LIST_COLUMNS = [
  ...PAIN_POINT_COLUMNS.map((column) => `pain_points.${column}`),
  `${CREATED_AT_KEY} as created_at_key`,
].join(', ');

function selectPainPoint(db: Database | Kysely<DatabaseSchema>, viewerId: string | null) {
  let query = db
    .selectFrom('pain_points')
    .select(PAIN_POINT_COLUMNS.map((column) => `pain_points.${column}` as const))
    .select(sql<string>`${sql.raw(CREATED_AT_KEY)}`.as('created_at_key'));
  if (viewerId !== null) {
    query = query.select(
      sql<boolean>`exists (select 1 from votes where votes.pain_point_id = pain_points.id and votes.account_id = ${viewerId})`.as(
        'voted',
      ),
    );
  }
  return query as unknown as SelectQueryBuilder<DatabaseSchema, 'pain_points', PainPointRow>;
}

/**
 * Reads one pain point, with the viewer's vote when a viewer is given.
 *
 * @example
 * const row = await findPainPoint(db, id, account?.id ?? null);
 */
export async function findPainPoint(
  db: Database,
  id: string,
  viewerId: string | null = null,
): Promise<PainPointRow | undefined> {
  return selectPainPoint(db, viewerId).where('pain_points.id', '=', id).executeTakeFirst();
}

/**
 * The pain points an account wrote, oldest first (the member's data export).
 *
 * @example
 * const rows = await listAuthoredPainPoints(db, accountId);
 */
export async function listAuthoredPainPoints(db: Database, accountId: string): Promise<PainPointRow[]> {
  return selectPainPoint(db, null)
    .where('pain_points.author_id', '=', accountId)
    .orderBy('pain_points.created_at')
    .execute();
}

/**
 * Reads one pain point and locks its row until the transaction ends (edits, status moves,
 * mapping). Call it first in the transaction: it first takes the pain point's turn among the
 * writers of its events (`holdSubject`), so their events go out in the order they changed it.
 *
 * @example
 * const row = await findPainPointForUpdate(trx, id);
 */
export async function findPainPointForUpdate(db: Database, id: string): Promise<PainPointRow | undefined> {
  await holdSubject(db, 'pain_point', id);
  return selectPainPoint(db, null).where('pain_points.id', '=', id).forUpdate().executeTakeFirst();
}

/** Filters of the list route, already validated. */
export interface PainPointFilters {
  domain?: Domain | undefined;
  country?: string | undefined;
  city?: string | undefined;
  status?: PainPointStatus | undefined;
  standard?: string | undefined;
  q?: string | undefined;
}

/**
 * The SQL conditions of the list's filters, each value bound through `bind`: the search apart
 * from the others, since the list walks its sort order through the others and tests the search
 * on the rows it walks. Every query that must describe the same pain points as the list (its
 * pages, its counts) builds its WHERE here.
 */
function filterConditions(
  filters: PainPointFilters,
  bind: (value: unknown) => string,
): { conditions: string[]; search: string | null } {
  const conditions: string[] = [];
  if (filters.domain) conditions.push(`pain_points.domain = ${bind(filters.domain)}`);
  if (filters.country) conditions.push(`pain_points.country = ${bind(filters.country)}`);
  if (filters.city) conditions.push(`lower(pain_points.city) = lower(${bind(filters.city)})`);
  if (filters.status) conditions.push(`pain_points.status = ${bind(filters.status)}`);
  if (filters.standard) {
    conditions.push(
      `exists (select 1 from standard_mappings where standard_mappings.pain_point_id = pain_points.id and standard_mappings.standard_id = ${bind(filters.standard)})`,
    );
  }
  return { conditions, search: textSearchText('pain_points', filters.q, bind) };
}

/** `where a and b`, or nothing when there are no conditions. */
function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? ` where ${conditions.join(' and ')}` : '';
}

/**
 * Rows of the sort order a search walks per row of the page before it looks the matches up in
 * the search indexes instead. A common word (one row in 80) fills a page within this walk, as
 * fast as the walk alone; a rare word would have walked the whole table (176 ms at 100,000
 * rows against 0.9 ms at 10,000).
 */
const SEARCH_WALK_ROWS_PER_ROW = 100;

/**
 * Rows of the sort order a search glances at per row of the page before it walks: when none of
 * them matches, the word is rare and goes straight to the search indexes. Testing a row costs
 * about 3 µs, so a rare word no longer pays for the whole walk (2,100 rows, about 6 ms) before
 * its few matches are found; a common word pays a tenth of that walk once more.
 */
const SEARCH_GLANCE_ROWS_PER_ROW = 10;

/**
 * One page of pain points in keyset order: rows after `after` (the previous page's last sort
 * key and id), `limit + 1` of them so the caller knows whether another page follows. No OFFSET
 * and no COUNT: each page costs the same however deep it is, and rows inserted meanwhile never
 * shift the rows that already existed.
 *
 * @example
 * const rows = await listPainPoints(db, { domain: 'water' }, 'top', null, 21, null);
 */
export async function listPainPoints(
  db: Database,
  filters: PainPointFilters,
  sort: PainPointSort,
  after: readonly KeyValue[] | null,
  limit: number,
  viewerId: string | null,
): Promise<PainPointRow[]> {
  // The busiest query of the platform, assembled as text: building and compiling it with the
  // query builder cost more CPU than reading its rows. Every value is a bound parameter.
  const parameters: unknown[] = [];
  const bind = (value: unknown) => `$${parameters.push(value)}`;
  const { column } = SORT_KEYS[sort];
  const orderBy = (table: string) => `order by ${table}.${column} desc, ${table}.id desc`;
  const { conditions, search } = filterConditions(filters, bind);
  // Prepared (planned once per connection): pages without filters, with or without a search.
  // With a filter the best plan depends on how rare the value is; a search's plan does not,
  // since the statement itself decides below between walking and looking up.
  const prepared = conditions.length === 0;
  if (after) {
    const [key, id] = after;
    const keyValue = sort === 'new' ? `${bind(key)}::timestamptz` : bind(key);
    conditions.push(`(pain_points.${column}, pain_points.id) < (${keyValue}, ${bind(id)})`);
  }
  let text: string;
  if (search === null) {
    text = `select ${LIST_COLUMNS} from pain_points${whereClause(conditions)} ${orderBy('pain_points')} limit ${bind(limit)}`;
  } else {
    // A search glances at the first stretch of the sort order, then walks a longer one (the
    // plan the planner picks for every word, since it cannot tell a rare word from a common
    // one); when the glance finds nothing or the walk does not fill the page, the word is rare
    // and its few matches, found through the search indexes, are sorted instead. Only the
    // branch whose one-time filter holds runs, and a CTE runs only when read. The stretch
    // lengths are literals (integers from the validated limit), so the one plan knows them.
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer: ${limit}`);
    }
    const pageSize = bind(limit);
    const stretch = (rows: number) =>
      `(select * from pain_points${whereClause(conditions)} ${orderBy('pain_points')} limit ${rows}) pain_points`;
    const glance = `select pain_points.id from ${stretch(limit * SEARCH_GLANCE_ROWS_PER_ROW)} where ${search} limit 1`;
    const walked = `select ${LIST_COLUMNS} from ${stretch(limit * SEARCH_WALK_ROWS_PER_ROW)} where ${search} ${orderBy('pain_points')} limit ${pageSize}`;
    const found = `select ${LIST_COLUMNS} from pain_points${whereClause([...conditions, search])}`;
    const common = `exists (select from glance) and (select count(*) from walked) = ${pageSize}`;
    text =
      `with glance as materialized (${glance}), walked as materialized (${walked}), found as materialized (${found}) ` +
      `select * from ((select * from walked where ${common}) ` +
      `union all (select * from found where not (${common}) ${orderBy('found')} limit ${pageSize})) page ${orderBy('page')}`;
  }
  if (viewerId !== null) {
    // The viewer's votes are looked up for the page's rows only, one primary-key probe each. In
    // the same select list as the page, the planner reads all of the viewer's votes into a hash
    // first: a cost that grows with every vote they cast (7.4 ms instead of 0.7 ms a page at
    // 100,000 pain points and 1,000,000 votes).
    const voted = `exists (select 1 from votes where votes.pain_point_id = page.id and votes.account_id = ${bind(viewerId)})`;
    text = `select page.*, ${voted} as voted from (${text}) page ${orderBy('page')}`;
  }
  if (prepared) preparedStatement(text);
  const result = await db.executeQuery<PainPointRow>(CompiledQuery.raw(text, parameters));
  return result.rows;
}

/** How many pain points name one country; `country` is null for those naming none. */
export interface CountryCountRow {
  country: string | null;
  count: number;
}

/**
 * How many of the pain points the list holds with these filters name each country, in one
 * GROUP BY: most first, then by code; the pain points without a country form one row whose
 * `country` is null.
 *
 * @example
 * const rows = await countPainPointsByCountry(db, { domain: 'water' });
 */
export async function countPainPointsByCountry(
  db: Database,
  filters: PainPointFilters,
): Promise<CountryCountRow[]> {
  const parameters: unknown[] = [];
  const { conditions, search } = filterConditions(filters, (value) => `$${parameters.push(value)}`);
  const where = whereClause(search === null ? conditions : [...conditions, search]);
  // count(*) is a bigint, which the drivers return as a string; an int holds every count here.
  const text = `select pain_points.country, count(*)::int as count from pain_points${where} group by pain_points.country order by count desc, pain_points.country`;
  const result = await db.executeQuery<CountryCountRow>(CompiledQuery.raw(text, parameters));
  return result.rows;
}

/** The sort key and id of a row, as the next cursor carries them. */
export function sortKeyOf(row: PainPointRow, sort: PainPointSort): KeyValue[] {
  if (sort === 'top') return [row.vote_count, row.id];
  if (sort === 'new') return [row.created_at_key, row.id];
  return [row.trending_score, row.id];
}

/** Columns a new pain point is stored with. */
export interface NewPainPoint {
  slug: string | null;
  title: Record<string, string>;
  description: Record<string, string>;
  language: string;
  domain: string;
  city: string | null;
  country: string | null;
  severity: string;
  sample?: boolean;
  authorId: string | null;
  partnerId: string | null;
  createdAt?: Date;
}

/**
 * Stores a new pain point (status `open`, no votes) and returns it; undefined when its slug is taken.
 *
 * @example
 * const row = await insertPainPoint(db, { title: { zh: '交通拥堵' }, … });
 */
export async function insertPainPoint(
  db: Database,
  painPoint: NewPainPoint,
): Promise<PainPointRow | undefined> {
  const createdAt = painPoint.createdAt ? sql`${painPoint.createdAt.toISOString()}::timestamptz` : sql`now()`;
  const inserted = await db
    .insertInto('pain_points')
    .values({
      slug: painPoint.slug,
      title: JSON.stringify(painPoint.title),
      description: JSON.stringify(painPoint.description),
      language: painPoint.language,
      domain: painPoint.domain,
      city: painPoint.city,
      country: painPoint.country,
      severity: painPoint.severity,
      sample: painPoint.sample ?? false,
      author_id: painPoint.authorId,
      partner_id: painPoint.partnerId,
      created_at: createdAt as never,
      updated_at: createdAt as never,
      trending_score: trendingScoreSql(sql.lit(0), createdAt as never) as never,
    })
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  // Only a taken slug makes the insert do nothing.
  if (!inserted) return undefined;
  return findPainPoint(db, inserted.id);
}

/** Content and status columns an update may change. */
export interface PainPointChanges {
  title?: Record<string, string>;
  description?: Record<string, string>;
  domain?: string;
  city?: string | null;
  country?: string | null;
  severity?: string;
  status?: string;
  duplicateOf?: string | null;
  locked?: boolean;
}

/**
 * Applies changes to a pain point and bumps `updated_at`.
 *
 * @example
 * await updatePainPoint(trx, id, { status: 'mapped' });
 */
export async function updatePainPoint(db: Database, id: string, changes: PainPointChanges): Promise<void> {
  await db
    .updateTable('pain_points')
    .set({
      ...(changes.title === undefined ? {} : { title: JSON.stringify(changes.title) }),
      ...(changes.description === undefined ? {} : { description: JSON.stringify(changes.description) }),
      ...(changes.domain === undefined ? {} : { domain: changes.domain }),
      ...(changes.city === undefined ? {} : { city: changes.city }),
      ...(changes.country === undefined ? {} : { country: changes.country }),
      ...(changes.severity === undefined ? {} : { severity: changes.severity }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.duplicateOf === undefined ? {} : { duplicate_of: changes.duplicateOf }),
      ...(changes.locked === undefined ? {} : { locked: changes.locked }),
      updated_at: sql`now()` as never,
    })
    .where('id', '=', id)
    .execute();
}
