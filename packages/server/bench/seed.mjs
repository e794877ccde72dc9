// Bulk seeding for the API benchmark: members with sessions, pain points and votes, written with
// set-based SQL (INSERT … SELECT … FROM generate_series) through the server's own Kysely handle,
// so one code path serves PostgreSQL and PGlite. Every value is a pure function of the row
// number: both databases hold the same rows, and the JavaScript side can name ids and tokens
// without asking the database.
import { createHash } from 'node:crypto';
import { DOMAINS } from '@wsc/models';
import { sql } from 'kysely';

/** Words of pain point titles; each is the first title word of 1 row in 40 (the search terms). */
export const TITLE_WORDS = [
  'flooding',
  'congestion',
  'blackout',
  'leakage',
  'potholes',
  'smog',
  'heatwave',
  'parking',
  'ransomware',
  'surveillance',
  'interoperability',
  'procurement',
  'latency',
  'streetlights',
  'recycling',
  'landfill',
  'sewage',
  'drought',
  'noise',
  'ticketing',
  'bikeshare',
  'charging',
  'substation',
  'metering',
  'hydrants',
  'sensors',
  'dashboards',
  'connectivity',
  'broadband',
  'evacuation',
  'wildfire',
  'earthquake',
  'tsunami',
  'landslide',
  'typhoon',
  'accessibility',
  'wayfinding',
  'crosswalks',
  'ferries',
  'tramways',
];
/** Chinese titles given to 1 row in 10 (each word to 1 row in 80): search must find them too. */
export const CHINESE_WORDS = [
  '交通拥堵',
  '城市内涝',
  '电网停电',
  '垃圾分类',
  '空气污染',
  '数据隐私',
  '网络安全',
  '供水管网',
];
const FILLER = [
  'residents',
  'operators',
  'vendors',
  'municipal',
  'standards',
  'interfaces',
  'budgets',
  'citizens',
  'districts',
  'networks',
  'utilities',
  'contracts',
  'platforms',
  'regulators',
  'engineers',
  'planners',
];
const PLACES = [
  ['Singapore', 'SG'],
  ['Geneva', 'CH'],
  ['Shenzhen', 'CN'],
  ['Dubai', 'AE'],
  ['Barcelona', 'ES'],
  ['Moscow', 'RU'],
  ['Nairobi', 'KE'],
  ['Bogotá', 'CO'],
];

const literalArray = (values) =>
  `(array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')}])`;

/** The id of bench pain point `index`: a UUID-shaped md5, like the server's own ids. */
export function painPointId(index) {
  return uuidOf(`pp-${index}`);
}

/** The account id of bench member `index` (1-based). */
export function memberId(index) {
  return uuidOf(`bench-member-${index}`);
}

/** The session token of bench member `index`: a real `wsc_ses_` token whose sha256 is stored. */
export function memberToken(index) {
  return `wsc_ses_bench${String(index).padStart(35, '0')}`;
}

function uuidOf(text) {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Creates `count` members (accounts, stakeholder profiles, 1-day sessions) in three statements.
 *
 * @example
 * await seedMembers(db, 2000);
 */
export async function seedMembers(db, count) {
  await sql`
    insert into accounts (id, email, email_normalized, roles)
    select md5('bench-member-' || k)::uuid::text, 'bench-member-' || k || '@bench.invalid',
           'bench-member-' || k || '@bench.invalid', '{member}'
    from generate_series(1, ${sql.lit(count)}) k`.execute(db);
  await sql`
    insert into stakeholders (id, display_name, role)
    select md5('bench-member-' || k)::uuid::text, 'Bench member ' || k, 'urban-planner'
    from generate_series(1, ${sql.lit(count)}) k`.execute(db);
  await sql`
    insert into sessions (account_id, token_hash, kind, expires_at)
    select md5('bench-member-' || k)::uuid::text,
           encode(sha256(convert_to('wsc_ses_bench' || lpad(k::text, 35, '0'), 'UTF8')), 'hex'),
           'session', now() + interval '1 day'
    from generate_series(1, ${sql.lit(count)}) k`.execute(db);
}

/**
 * Adds pain points `from`..`to` (inclusive) and their votes: pain point i gets
 * (i × 7919) mod (2 × votesPerPainPoint + 1) votes from distinct members, so the average is
 * `votesPerPainPoint` and `vote_count` equals the stored votes. Secondary indexes of both
 * tables are dropped first and rebuilt after (the definitions come from `pg_indexes`, so the
 * server's own indexes are what gets measured). Returns seconds spent per step.
 *
 * @example
 * await seedPainPoints(db, { from: 1, to: 10_000, votesPerPainPoint: 10, members: 2000 });
 */
export async function seedPainPoints(db, { from, to, votesPerPainPoint, members }) {
  const timings = {};
  const step = async (name, work) => {
    const started = performance.now();
    await work();
    timings[name] = (performance.now() - started) / 1000;
  };
  const spread = 2 * votesPerPainPoint + 1;
  if (members <= 7 * spread) throw new Error('need more members than 7 × the largest vote count');
  let indexes = [];
  await step('drop indexes', async () => {
    const result = await sql`
      select indexname, indexdef from pg_indexes i
      where tablename in ('pain_points', 'votes') and schemaname = current_schema()
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
    indexes = result.rows;
    for (const { indexname } of indexes) await sql`drop index ${sql.id(indexname)}`.execute(db);
  });
  await step('pain points', () =>
    sql`
      insert into pain_points (id, title, description, language, domain, city, country, severity,
                               status, vote_count, trending_score, author_id, created_at, updated_at)
      select md5('pp-' || i)::uuid::text,
             case when i % 10 = 0
               then jsonb_build_object('en', title, 'zh', ${sql.raw(literalArray(CHINESE_WORDS))}[1 + (i / 10) % 8] || '：' || title)
               else jsonb_build_object('en', title) end,
             jsonb_build_object('en', 'In ' || city || ', ' || ${sql.raw(literalArray(FILLER))}[1 + i % 16] || ' and '
               || ${sql.raw(literalArray(FILLER))}[1 + (i / 16) % 16] || ' report ' || word
               || ' that no shared standard addresses yet; ' || ${sql.raw(literalArray(FILLER))}[1 + (i / 7) % 16]
               || ' need common ' || ${sql.raw(literalArray(FILLER))}[1 + (i / 3) % 16] || ' to fix it (report ' || i || ').'),
             'en', ${sql.raw(literalArray(DOMAINS))}[1 + i % 11], city, country,
             (array['low','medium','high','critical'])[1 + i % 4], 'open', votes,
             log((1 + votes)::double precision)
               + extract(epoch from (at - '2016-01-18T00:00:00Z'::timestamptz))::double precision / 45000,
             md5('bench-member-' || (1 + i % ${sql.lit(members)}))::uuid::text, at, at
      from (
        select i, word, city, country, (i::bigint * 7919) % ${sql.lit(spread)} as votes,
               timestamptz '2021-01-01T00:00:00Z' + i * interval '7 minutes' as at,
               initcap(word) || ' in ' || city || ' (report ' || i || ')' as title
        from (
          select i, ${sql.raw(literalArray(TITLE_WORDS))}[1 + i % 40] as word,
                 ${sql.raw(literalArray(PLACES.map(([city]) => city)))}[1 + (i / 40) % 8] as city,
                 ${sql.raw(literalArray(PLACES.map(([, country]) => country)))}[1 + (i / 40) % 8] as country
          from generate_series(${sql.lit(from)}, ${sql.lit(to)}) i
        ) words
      ) rows`.execute(db),
  );
  await step('votes', () =>
    sql`
      insert into votes (pain_point_id, account_id, voter_key, created_at)
      select md5('pp-' || i)::uuid::text,
             md5('bench-member-' || member)::uuid::text,
             encode(sha256(convert_to('bench-member-' || member || '@bench.invalid', 'UTF8')), 'hex'),
             timestamptz '2021-01-01T00:00:00Z' + i * interval '7 minutes' + k * interval '1 minute'
      from generate_series(${sql.lit(from)}, ${sql.lit(to)}) i
      cross join lateral generate_series(1, (i::bigint * 7919) % ${sql.lit(spread)}) k
      cross join lateral (select 1 + (i + 7 * k) % ${sql.lit(members)} as member) voter`.execute(db),
  );
  // One person per member (src/votes/repository.ts): each vote is its own voter key's row.
  await step('voters', () =>
    sql`
      insert into pain_point_voters (pain_point_id, voter_key, votes)
      select pain_point_id, voter_key, 1 from votes
      where pain_point_id in (select md5('pp-' || i)::uuid::text
                              from generate_series(${sql.lit(from)}, ${sql.lit(to)}) i)`.execute(db),
  );
  await step('rebuild indexes', async () => {
    for (const { indexdef } of indexes) await sql.raw(indexdef).execute(db);
  });
  // VACUUM as well as ANALYZE: a million fresh rows would otherwise wake autovacuum in the
  // middle of a measured run (it vacuums after inserts too), slowing whichever route runs then.
  await step('vacuum analyze', async () => {
    await sql`vacuum (analyze) pain_points`.execute(db);
    await sql`vacuum (analyze) votes`.execute(db);
    await sql`vacuum (analyze) pain_point_voters`.execute(db);
  });
  return timings;
}

/** Votes seeded for pain points 1..n (the sum of the vote formula), to check the load. */
export function expectedVotes(n, votesPerPainPoint) {
  const spread = 2 * votesPerPainPoint + 1;
  let total = 0;
  for (let i = 1; i <= n; i++) total += (i * 7919) % spread;
  return total;
}
