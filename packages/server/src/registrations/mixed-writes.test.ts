import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { createTestServer, databases, type TestServer, writeMix } from '../test-support';

// Registrations, cancellations, capacity edits by the organiser and account deletions, all at
// once on two events: every request gets a deliberate answer (never a 5xx; the server logs the
// cause of one at error level) and nobody waits in line while a seat is free.
describe.each(databases())('mixed concurrent registration writes on $kind', ({ kind }) => {
  let app: TestServer;
  let organiser: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder], logLevel: 'error' });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app.dispose());

  it('answers 200 mixed writes without a 5xx, and nobody waits in line while a seat is free', async () => {
    const events = [
      await createEventAs(app, organiser.headers, { capacity: 5 }),
      await createEventAs(app, organiser.headers, { capacity: 12 }),
    ];
    const members = await createMembers(app, 40);
    // Some already hold a seat or a place in line, so cancellations have something to cancel.
    for (const event of events) {
      for (const member of members.slice(0, 15)) {
        const registered = await app.inject({
          method: 'POST',
          url: `/v1/events/${event.id}/registrations`,
          headers: member.headers,
          payload: { claim: { communityMember: true } },
        });
        expect(registered.statusCode).toBe(201);
      }
    }
    const { random, pick, add, run } = writeMix(7);
    for (let index = 0; index < 200; index += 1) {
      const event = pick(events);
      const member = pick(members);
      const choice = random();
      if (choice < 0.55) {
        add('register', () =>
          app.inject({
            method: 'POST',
            url: `/v1/events/${event.id}/registrations`,
            headers: member.headers,
            payload: { claim: { communityMember: true } },
          }),
        );
      } else if (choice < 0.8) {
        add('cancel', () =>
          app.inject({
            method: 'DELETE',
            url: `/v1/events/${event.id}/registrations/me`,
            headers: member.headers,
          }),
        );
      } else if (choice < 0.92) {
        add('capacity', () =>
          app.inject({
            method: 'PATCH',
            url: `/v1/events/${event.id}`,
            headers: organiser.headers,
            payload: { capacity: 3 + Math.floor(random() * 12) },
          }),
        );
      } else if (choice < 0.96) {
        add('delete account', () => app.inject({ method: 'DELETE', url: '/v1/me', headers: member.headers }));
      } else {
        add('read', () => app.inject({ url: `/v1/events/${event.id}`, headers: member.headers }));
      }
    }
    const answers = await run();
    const failures = answers
      .filter((answer) => answer.statusCode >= 500)
      .map((answer) => `${answer.label}: ${answer.statusCode} ${answer.body}`);
    expect(failures).toEqual([]);
    const succeeded = new Set(
      answers.filter((answer) => answer.statusCode < 300).map((answer) => answer.label),
    );
    expect([...succeeded].sort()).toEqual([...new Set(answers.map((answer) => answer.label))].sort());

    const seats = await sql<{ id: string; capacity: number; confirmed: number; waitlisted: number }>`
      select events.id, events.capacity,
        count(*) filter (where registrations.status = 'confirmed')::int as confirmed,
        count(*) filter (where registrations.status = 'waitlisted')::int as waitlisted
      from events left join registrations on registrations.event_id = events.id
      where events.id in (${sql.join(events.map((event) => event.id))})
      group by events.id, events.capacity
    `.execute(app.db);
    expect(seats.rows).toHaveLength(2);
    for (const row of seats.rows) {
      // Lowering the capacity below the seats taken keeps those seats (nobody is thrown out).
      if (row.waitlisted > 0) expect(row.confirmed, row.id).toBeGreaterThanOrEqual(row.capacity);
    }
  }, 60_000);
});
