// `npm run bench` (issue #18): the registration route with the mail queue on (each registration
// queues its notice in its transaction: event, sessions and profile read, one mail_outbox row)
// against a hand-written floor in the same process and run: Fastify + SQL doing the route's
// essential work (session lookup, the event row lock, the seat count, the insert) without mail,
// and the same floor plus the one mail_outbox insert (the least any queue costs). The ratios
// server / floor show what the route keeps with mail on. No SMTP server: mail is queued inside
// the request and sent outside it, as in production. The same route with mail off is measured
// too, through the product's own path: the registrants are single-sign-on members of a partner
// whose mail policy suppresses community mail (`communityMailSuppressed`), so no notice is
// queued. Target: the queue costs the server no more, relatively, than it costs the floor:
// (server mail on ÷ floor + outbox) ≥ 0.9 × (server mail off ÷ floor). Every request registers a
// new (member, event) pair; 16 clients in a closed loop in this process; runs alternate
// A B C D D C B A. PGlite always, PostgreSQL too when TEST_DATABASE_URL is set.
// BENCH_SCALE=small: 300 requests a run.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '@wsc/server';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { recordResult } from '../../../scripts/bench/results.mjs';
import { ratio, table } from './report.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import { memberToken, seedMembers } from './seed.mjs';

const small = process.env.BENCH_SCALE === 'small';
const REQUESTS = small ? 300 : 900;
const MEMBERS = 300;
const CLIENTS = 16;
const DATABASES = (
  process.env.BENCH_DATABASES ?? (process.env.TEST_DATABASE_URL ? 'postgres,pglite' : 'pglite')
)
  .split(',')
  .map((name) => name.trim());

function log(message) {
  process.stderr.write(`[registration-mail] ${message}\n`);
}

/** The floor: the route's essential SQL by hand; `withMail` adds the one outbox insert. */
async function startFloor(db, { withMail }) {
  const app = Fastify({ logger: false });
  app.post('/floor/events/:id/registrations', async (request, reply) => {
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    const hash = createHash('sha256').update(token).digest('hex');
    const session =
      await sql`select account_id from sessions where token_hash = ${hash} and expires_at > now()`.execute(
        db,
      );
    const accountId = session.rows[0]?.account_id;
    if (!accountId) return reply.code(401).send({ title: 'Unauthorized' });
    const registration = await db.transaction().execute(async (trx) => {
      const event = (
        await sql`select id, capacity from events where id = ${request.params.id} for update`.execute(trx)
      ).rows[0];
      const counted =
        await sql`select count(*)::int as confirmed from registrations where event_id = ${event.id} and status = 'confirmed'`.execute(
          trx,
        );
      const status =
        event.capacity === null || counted.rows[0].confirmed < event.capacity ? 'confirmed' : 'waitlisted';
      const inserted =
        await sql`insert into registrations (event_id, account_id, status, basis) values (${event.id}, ${accountId}, ${status}, 'community-member') returning id, status`.execute(
          trx,
        );
      if (withMail) {
        await sql`insert into mail_outbox (account_id, address, address_normalized, kind, template, language, data)
          select id, email, lower(email), 'registration', 'registration-confirmed', 'en', ${JSON.stringify({ eventId: event.id })}::jsonb
          from accounts where id = ${accountId}`.execute(trx);
      }
      return inserted.rows[0];
    });
    return reply.code(201).send(registration);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${app.server.address().port}`, prefix: '/floor', close: () => app.close() };
}

/**
 * A partner whose mail policy suppresses community mail, and `MEMBERS` of its users signed in
 * through its single sign-on (each a new SSO-only account): their registrations queue no
 * notice. Returns their user tokens.
 */
async function signInSuppressedPartnerMembers(app, admin) {
  const answer = async (response, what) => {
    if (response.statusCode !== 200 && response.statusCode !== 201) {
      throw new Error(`${what}: ${response.statusCode} ${response.body}`);
    }
    return response.json();
  };
  const partner = await answer(
    await app.inject({
      method: 'POST',
      url: '/v1/partners',
      headers: admin,
      payload: { name: 'Quiet partner' },
    }),
    'creating the partner',
  );
  await answer(
    await app.inject({
      method: 'PATCH',
      url: `/v1/partners/${partner.id}`,
      headers: admin,
      payload: { communityMailSuppressed: true },
    }),
    'suppressing its community mail',
  );
  const key = await answer(
    await app.inject({
      method: 'POST',
      url: `/v1/partners/${partner.id}/keys`,
      headers: admin,
      payload: { kind: 'secret', scopes: ['sso'] },
    }),
    'creating its secret key',
  );
  const tokens = [];
  for (let index = 1; index <= MEMBERS; index += 1) {
    const signedIn = await answer(
      await app.inject({
        method: 'POST',
        url: '/v1/sso/tokens',
        headers: { authorization: `Bearer ${key.key}` },
        payload: {
          externalUserId: `quiet-${index}`,
          email: `quiet-${index}@partner.invalid`,
          displayName: `Quiet member ${index}`,
        },
      }),
      'signing a partner user in',
    );
    tokens.push(signedIn.token);
  }
  return tokens;
}

/** `REQUESTS` registrations of fresh (member, event) pairs by `CLIENTS` clients; requests per second. */
async function run(target, events) {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        const index = next;
        next += 1;
        const event = events[Math.floor(index / MEMBERS)];
        const response = await fetch(`${target.url}${target.prefix}/events/${event}/registrations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${target.token(index % MEMBERS)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ claim: { communityMember: true } }),
        });
        await response.arrayBuffer();
        if (response.status !== 201) failed += 1;
      }
    }),
  );
  if (failed > 0) throw new Error(`${target.name}: ${failed} of ${REQUESTS} registrations failed`);
  return REQUESTS / ((performance.now() - started) / 1000);
}

async function measure(kind) {
  const folder = kind === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'wsc-bench-registration-')) : null;
  const scratch = kind === 'postgres' ? await createScratchDatabase('registration_mail') : null;
  const app = await createServer({
    logLevel: 'silent',
    rateLimit: false,
    webhookWorker: false,
    admin: { email: 'bench-admin@example.org', password: 'correct horse battery staple' },
    ...(folder ? { dataDirectory: folder } : { databaseUrl: scratch.url }),
  });
  const floors = [];
  try {
    await seedMembers(app.db, MEMBERS);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'bench-admin@example.org', password: 'correct horse battery staple' },
    });
    const admin = { authorization: `Bearer ${login.json().token}` };
    const mailOffTokens = await signInSuppressedPartnerMembers(app, admin);
    let eventCount = 0;
    const newEvents = async () => {
      const ids = [];
      for (let index = 0; index < Math.ceil(REQUESTS / MEMBERS); index += 1) {
        eventCount += 1;
        const created = await app.inject({
          method: 'POST',
          url: '/v1/events',
          headers: admin,
          payload: {
            name: { en: `Bench event ${eventCount}` },
            description: { en: 'Registration with mail.' },
            startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 31 * 86_400_000).toISOString(),
            timeZone: 'Asia/Singapore',
            city: 'Singapore',
            country: 'SG',
            capacity: MEMBERS,
            organiserIds: ['itu'],
          },
        });
        if (created.statusCode !== 201) throw new Error(`creating an event: ${created.body}`);
        ids.push(created.json().id);
      }
      return ids;
    };
    const benchToken = (index) => memberToken(index + 1);
    const server = {
      name: 'server (mail on)',
      url: await app.listen({ port: 0, host: '127.0.0.1' }),
      prefix: '/v1',
      token: benchToken,
    };
    const serverMailOff = { ...server, name: 'server (mail off)', token: (index) => mailOffTokens[index] };
    const floor = { name: 'floor', token: benchToken, ...(await startFloor(app.db, { withMail: false })) };
    const floorMail = {
      name: 'floor + outbox insert',
      token: benchToken,
      ...(await startFloor(app.db, { withMail: true })),
    };
    floors.push(floor, floorMail);
    const order = [serverMailOff, server, floor, floorMail, floorMail, floor, server, serverMailOff];
    for (const target of [serverMailOff, server, floor, floorMail]) await run(target, await newEvents()); // warm-up
    const results = new Map(order.map((target) => [target.name, []]));
    for (const target of order) {
      results.get(target.name).push(await run(target, await newEvents()));
      log(`${kind} ${target.name}: ${results.get(target.name).at(-1).toFixed(0)} registrations/s`);
    }
    const queued = await app.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('template', '=', 'registration-confirmed')
      .executeTakeFirstOrThrow();
    log(`${kind}: ${queued.count} registration mails queued in all`);
    // Mail off must mean no notice: otherwise the two server columns measure the same thing.
    const queuedForMailOff = await app.db
      .selectFrom('mail_outbox')
      .innerJoin('partner_identities', 'partner_identities.account_id', 'mail_outbox.account_id')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(queuedForMailOff.count) !== 0) {
      throw new Error(`${kind}: ${queuedForMailOff.count} mails were queued for the mail-off registrants`);
    }
    const best = (name) => Math.max(...results.get(name));
    return {
      kind,
      server: best(server.name),
      serverMailOff: best(serverMailOff.name),
      floor: best(floor.name),
      floorMail: best(floorMail.name),
    };
  } finally {
    for (const floor of floors) await floor.close();
    await app.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    await scratch?.drop();
  }
}

const rows = [];
for (const kind of DATABASES) {
  const result = await measure(kind);
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const withMail = result.server / result.floorMail;
  const withoutMail = result.serverMailOff / result.floor;
  rows.push({
    database: label,
    'server mail on reg/s': Math.round(result.server),
    'server mail off reg/s': Math.round(result.serverMailOff),
    'floor reg/s': Math.round(result.floor),
    'floor+outbox reg/s': Math.round(result.floorMail),
    'on ×floor': ratio(result.server, result.floor),
    'on ×floor+outbox': ratio(result.server, result.floorMail),
    'off ×floor': ratio(result.serverMailOff, result.floor),
    'off ×floor+outbox': ratio(result.serverMailOff, result.floorMail),
    '(on÷floor+outbox) ÷ (off÷floor)': (withMail / withoutMail).toFixed(2),
  });
  recordResult({
    suite: '@wsc/server registration with mail',
    figure: `registration route with the mail queue on, against its hand-written floor (#18), ${label}`,
    value: Math.round(result.server),
    unit: 'registrations/s',
    baseline: Math.round(result.floor),
    baselineName: 'hand-written floor (no mail)',
  });
  recordResult({
    suite: '@wsc/server registration with mail',
    figure: `registration route with mail off (members of a partner that suppresses community mail), against its hand-written floor (#18), ${label}`,
    value: Math.round(result.serverMailOff),
    unit: 'registrations/s',
    baseline: Math.round(result.floor),
    baselineName: 'hand-written floor (no mail)',
  });
  recordResult({
    suite: '@wsc/server registration with mail',
    figure: `the mail queue costs the route no more than the floor: (server mail on ÷ floor + outbox) ÷ (server mail off ÷ floor) (#18), ${label}`,
    value: Number((withMail / withoutMail).toFixed(3)),
    unit: '×',
    target: { of: 'value', comparator: '>=', limit: 0.9 },
    note: `mail on ${ratio(result.server, result.floorMail)} floor+outbox, mail off ${ratio(result.serverMailOff, result.floor)} floor`,
  });
}
console.log(
  `\n### Registration route with the mail queue on (${REQUESTS} registrations a run, ${CLIENTS} clients)\n`,
);
console.log(table(rows, Object.keys(rows[0])));
