// The two baselines every server route is compared with, run in the same process and run:
// - the ceiling: bare Fastify answering a fixed 20-item page (no database, no hooks);
// - the floor: minimal hand-written Fastify routes running the same SQL as the server's routes
//   (`pg` Pool on PostgreSQL, the PGlite client on PGlite), mapping rows to the API shape with
//   plain JSON.stringify, and nothing else: no auth beyond one session lookup where the route
//   needs a member, no validation library, no logging, no hooks.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { CompiledQuery } from 'kysely';

/** Columns the server's list query selects (src/pain-points/repository.ts `selectPainPoint`). */
const COLUMNS = `pain_points.id, pain_points.slug, pain_points.title, pain_points.description,
  pain_points.language, pain_points.domain, pain_points.city, pain_points.country, pain_points.severity,
  pain_points.status, pain_points.duplicate_of, pain_points.vote_count, pain_points.comment_count,
  pain_points.trending_score, pain_points.locked, pain_points.sample, pain_points.author_id,
  pain_points.partner_id, pain_points.created_at, pain_points.updated_at,
  to_char(pain_points.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at_key`;
const VOTED = `, exists (select 1 from votes where votes.pain_point_id = page.id and votes.account_id = $VIEWER) as voted`;
const ORDER = 'order by pain_points.vote_count desc, pain_points.id desc';

/** The SQL texts of the server's list and session lookup, and a plain search, with numbered parameters. */
export const FLOOR_SQL = {
  firstPage: `select ${COLUMNS} from pain_points ${ORDER} limit $1`,
  afterCursor: `select ${COLUMNS} from pain_points where (pain_points.vote_count, pain_points.id) < ($1, $2) ${ORDER} limit $3`,
  afterCursorAsViewer: `select page.*${VOTED.replace('$VIEWER', '$1')} from (select ${COLUMNS} from pain_points where (pain_points.vote_count, pain_points.id) < ($2, $3) ${ORDER} limit $4) page ${ORDER.replaceAll('pain_points.', 'page.')}`,
  // The condition of src/community/text-search.ts for a one-word query (whole tokens, Russian and English
  // stems, or a substring) in one plain query; the server's statement around it glances, walks or looks up.
  search: `select ${COLUMNS} from pain_points where (pain_points.search_vector @@ plainto_tsquery('simple', $1) or pain_points.search_vector_stemmed @@ (plainto_tsquery('russian', $1) || plainto_tsquery('english', $1)) or (pain_points.search_text like lower($2))) ${ORDER} limit $3`,
  session: `select accounts.id, accounts.roles, sessions.kind, sessions.partner_id from sessions
    inner join accounts on accounts.id = sessions.account_id
    where sessions.token_hash = $1 and sessions.revoked_at is null
      and sessions.expires_at > now() and accounts.disabled_at is null and accounts.deleted_at is null`,
  insertVote: `insert into votes (pain_point_id, account_id, partner_id, voter_key)
    select id, $2, null, (select encode(sha256(convert_to(lower(trim(email)), 'UTF8')), 'hex') from accounts where id = $2)
    from pain_points where id = $1 and status <> 'duplicate'
    on conflict (pain_point_id, account_id) do nothing returning pain_point_id, voter_key`,
  // One vote per person: the voter key's row gains an account; the count a voter if it is new.
  addVoter: `insert into pain_point_voters (pain_point_id, voter_key, votes) values ($1, $2, 1)
    on conflict (pain_point_id, voter_key) do update set votes = pain_point_voters.votes + 1 returning votes`,
  addVote: `update pain_points set vote_count = vote_count + 1,
    trending_score = (log((1 + (vote_count + 1))::double precision)
      + extract(epoch from (created_at - '2016-01-18T00:00:00Z'::timestamptz))::double precision / 45000)
    where id = $1 returning vote_count`,
  voteCount: 'select vote_count from pain_points where id = $1',
};

/** A realistic pain point as the API shows it (the ceiling's fixed page uses 20 of them). */
export function samplePainPoint(index) {
  return {
    id: `0f8fad5b-d9cb-469f-a165-70867728${String(index).padStart(4, '0')}`,
    slug: null,
    title: { en: `Flooding in Singapore (report ${index})` },
    description: {
      en: `In Singapore, residents and operators report flooding that no shared standard addresses yet; vendors need common interfaces to fix it (report ${index}).`,
    },
    language: 'en',
    domain: 'water',
    city: 'Singapore',
    country: 'SG',
    severity: 'high',
    status: 'open',
    duplicateOf: null,
    voteCount: 20 - index,
    commentCount: 0,
    locked: false,
    sample: false,
    authorId: '8e2b7a2c-5d1e-4f7a-9c3b-2a1d0e9f8c7b',
    partnerId: null,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
  };
}

/**
 * The ceiling: bare Fastify, one JSON route answering a fixed 20-item page.
 *
 * @example
 * const bare = await startBareFastify(); // { url, close }
 */
export async function startBareFastify() {
  const app = Fastify({ logger: false });
  const page = { data: Array.from({ length: 20 }, (_, index) => samplePainPoint(index)), nextCursor: null };
  app.get('/v1/pain-points', async () => page);
  return listen(app);
}

/** A `{ query, transaction }` over a `pg` Pool: the floor's driver on PostgreSQL. */
export function pgDriver(pool) {
  return {
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async (text, params) => (await client.query(text, params)).rows });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * A `{ query, transaction }` over the server's PGlite (one session, so queries go through the
 * same serializing Kysely driver the server uses; compiled raw SQL, no query builder).
 */
export function pgliteDriver(db) {
  const run = async (executor, text, params) =>
    (await executor.executeQuery(CompiledQuery.raw(text, params))).rows;
  return {
    query: (text, params) => run(db, text, params),
    transaction: (work) =>
      db.transaction().execute((trx) => work({ query: (text, params) => run(trx, text, params) })),
  };
}

function view(row) {
  const title = row.title.en ?? Object.values(row.title)[0];
  const description = row.description.en ?? Object.values(row.description)[0];
  return {
    id: row.id,
    slug: row.slug,
    title: { en: title },
    description: { en: description },
    language: 'en',
    domain: row.domain,
    city: row.city,
    country: row.country,
    severity: row.severity,
    status: row.status,
    duplicateOf: row.duplicate_of,
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    locked: row.locked,
    sample: row.sample,
    ...(row.voted === undefined ? {} : { voted: row.voted }),
    authorId: row.author_id,
    partnerId: row.partner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function page(rows, limit) {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data: data.map(view),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify(['top', last.vote_count, last.id])).toString('base64url')
        : null,
  };
}

function bearer(request) {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * The floor: hand-written routes on the same paths as the server's, running the server's SQL.
 *
 * @example
 * const floor = await startFloor(pgDriver(pool)); // { url, close }
 */
export async function startFloor(driver) {
  const app = Fastify({ logger: false });
  const member = async (request, reply) => {
    const token = bearer(request);
    const hash = token ? createHash('sha256').update(token).digest('hex') : null;
    const [account] = hash ? await driver.query(FLOOR_SQL.session, [hash]) : [];
    if (!account) reply.code(401).send({ title: 'Sign-in required' });
    return account;
  };
  app.get('/v1/pain-points', async (request, reply) => {
    const limit = Math.min(Number(request.query.limit ?? 20), 100);
    if (request.query.q) {
      const term = request.query.q;
      const like = `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      return page(await driver.query(FLOOR_SQL.search, [term, like, limit + 1]), limit);
    }
    if (!request.query.cursor) return page(await driver.query(FLOOR_SQL.firstPage, [limit + 1]), limit);
    const [, votes, id] = JSON.parse(Buffer.from(request.query.cursor, 'base64url').toString());
    if (request.headers.authorization) {
      const account = await member(request, reply);
      if (!account) return reply;
      return page(
        await driver.query(FLOOR_SQL.afterCursorAsViewer, [account.id, votes, id, limit + 1]),
        limit,
      );
    }
    return page(await driver.query(FLOOR_SQL.afterCursor, [votes, id, limit + 1]), limit);
  });
  app.put('/v1/pain-points/:id/vote', async (request, reply) => {
    const account = await member(request, reply);
    if (!account) return reply;
    const painPointId = request.params.id;
    const voteCount = await driver.transaction(async (trx) => {
      const [inserted] = await trx.query(FLOOR_SQL.insertVote, [painPointId, account.id]);
      const [voter] = inserted ? await trx.query(FLOOR_SQL.addVoter, [painPointId, inserted.voter_key]) : [];
      const [row] = await trx.query(voter?.votes === 1 ? FLOOR_SQL.addVote : FLOOR_SQL.voteCount, [
        painPointId,
      ]);
      return row?.vote_count;
    });
    if (voteCount === undefined) return reply.code(404).send({ title: 'Pain point not found' });
    return { painPointId, voteCount, voted: true };
  });
  return listen(app);
}

async function listen(app) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
