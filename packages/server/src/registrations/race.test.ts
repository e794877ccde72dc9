import type { Registration } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { createTestServer, databases, type TestServer } from '../test-support';

const SEATS = 50;
const CLIENTS = 200;

// Through the whole stack over real sockets: HTTP parsing, principal, idempotency, the
// transaction with its row lock, the serializer. PGlite runs one transaction at a time;
// PostgreSQL runs them on a pool of 20 connections, where only the event row lock keeps order.
describe.each(databases())('registration under concurrency on $kind', ({ kind }) => {
  let app: TestServer;
  let origin: string;
  let organiser: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app.dispose());

  const post = (eventId: string, member: TestMember, headers: Record<string, string> = {}) =>
    fetch(`${origin}/v1/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { ...member.headers, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ claim: { communityMember: true } }),
    });

  it(`${CLIENTS} concurrent registrations for ${SEATS} seats: exactly ${SEATS} confirmed, ${CLIENTS - SEATS} waitlisted in order`, async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: SEATS });
    const members = await createMembers(app, CLIENTS);
    const started = performance.now();
    const responses = await Promise.all(members.map((member) => post(event.id, member)));
    const elapsed = performance.now() - started;
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Registration[];
    expect(responses.map((response) => response.status)).toEqual(Array(CLIENTS).fill(201));
    const confirmed = bodies.filter((body) => body.status === 'confirmed');
    const waitlisted = bodies.filter((body) => body.status === 'waitlisted');
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(CLIENTS - SEATS);
    // Every waitlist place handed out once: 1…150 at the time each answer was written.
    expect(waitlisted.map((body) => body.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: CLIENTS - SEATS }, (_, index) => index + 1),
    );
    const stored = await app.db
      .selectFrom('registrations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('event_id', '=', event.id)
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(stored.map((row) => [row.status, Number(row.count)])).toEqual([
      ['confirmed', SEATS],
      ['waitlisted', CLIENTS - SEATS],
    ]);
    console.info(
      `[race ${kind}] ${CLIENTS} registrations for ${SEATS} seats in ${Math.round(elapsed)} ms (${Math.round((CLIENTS / elapsed) * 1000)} per second): ${confirmed.length} confirmed, ${waitlisted.length} waitlisted`,
    );

    // The first waitlisted (by arrival) takes the seat a confirmed member gives up.
    const firstInLine = waitlisted.find((body) => body.waitlistPosition === 1) as Registration;
    const leaver = members.find((member) => member.accountId === confirmed[0]?.stakeholderId) as TestMember;
    const cancel = await fetch(`${origin}/v1/events/${event.id}/registrations/me`, {
      method: 'DELETE',
      headers: leaver.headers,
    });
    expect(cancel.status).toBe(200);
    const promoted = await app.db
      .selectFrom('registrations')
      .select('status')
      .where('id', '=', firstInLine.id)
      .executeTakeFirstOrThrow();
    expect(promoted.status).toBe('confirmed');
  });

  it('20 retries of one request with one Idempotency-Key make one registration', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: SEATS });
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const key = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(event.id, member, { 'idempotency-key': key })),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Registration[];
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(
      responses.filter((response) => response.headers.get('idempotent-replayed') === 'true'),
    ).toHaveLength(19);
    const stored = await app.db
      .selectFrom('registrations')
      .select('id')
      .where('event_id', '=', event.id)
      .execute();
    expect(stored).toHaveLength(1);

    // The same key once more, later: the stored answer again; a new key: one per person per event.
    const retry = await post(event.id, member, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as Registration).id).toBe(bodies[0]?.id);
    const fresh = await post(event.id, member, { 'idempotency-key': crypto.randomUUID() });
    expect(fresh.status).toBe(409);
  });
});
