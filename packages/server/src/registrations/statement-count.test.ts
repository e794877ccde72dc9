import { setTimeout as sleep } from 'node:timers/promises';
import type { Registration } from '@wsc/models';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { createTestServer, databases, type TestServer } from '../test-support';

// The statements one registration runs through the HTTP route, up to its commit: the session
// lookup, then the transaction (BEGIN and COMMIT included). The transaction holds the event's
// lock from its first statement on, and every registration of the event waits for it, so each
// statement in it is paid once per registration by everyone queued behind. It ran 19 (17 in the
// transaction) before the event's turn, lock and read were merged, the seat count, the member's
// name and partners came with the event row, and the notice and the audit entry were written by
// the outbox event's statement, and the programme came with the event row too; 7 (6 in the
// transaction) since.
const MOST_STATEMENTS = 7;
const MOST_IN_TRANSACTION = 6;

describe.each(databases())('statements of one registration on $kind', ({ kind }) => {
  let app: TestServer;
  let organiser: TestMember;
  beforeAll(async () => {
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, eventsSeeder],
      webhookWorker: false,
    });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app?.dispose());

  /** Resolves once the database has run no statement for 200 ms (an earlier write's NOTIFY and outbox read done). */
  async function quiet() {
    let last = performance.now();
    const stop = app.database.activity.onStatement(() => {
      last = performance.now();
    });
    try {
      while (performance.now() - last < 200) await sleep(50);
    } finally {
      stop();
    }
  }

  /** Registers `member` and answers the registration with the statements it ran up to its commit. */
  async function countedRegistration(eventId: string, member: TestMember, body: Record<string, unknown>) {
    await quiet();
    const statements: string[] = [];
    // The outbox feed reads on every NOTIFY on the database's channel, and on a shared PostgreSQL
    // other test files' instances send them: its read (the only statement that asks for the
    // snapshot's xmin) is the feed's, never the request's; it once made a count of 8 in CI.
    const stop = app.database.activity.onStatement((run) => {
      const text = run.sql.trim().toLowerCase();
      if (!text.includes('pg_snapshot_xmin(pg_current_snapshot())')) statements.push(text);
    });
    let response: Awaited<ReturnType<TestServer['inject']>>;
    try {
      response = await app.inject({
        method: 'POST',
        url: `/v1/events/${eventId}/registrations`,
        headers: member.headers,
        payload: body,
      });
    } finally {
      stop();
    }
    expect(response.statusCode, response.body).toBe(201);
    // What runs after the commit (the outbox's announcement to this process's readers) is not the request's.
    const committed = statements.indexOf('commit');
    expect(committed).toBeGreaterThan(0);
    const ran = statements.slice(0, committed + 1);
    const transaction = ran.slice(ran.indexOf('begin'));
    return { registration: response.json() as Registration, request: ran, transaction };
  }

  test(`a member's registration runs at most ${MOST_STATEMENTS} statements, ${MOST_IN_TRANSACTION} of them in its transaction (a seat with sessions, then a waitlist place)`, async () => {
    const event = await createEventAs(app, organiser.headers, {
      capacity: 1,
      startsAt: '2027-07-13T09:00:00+08:00',
      endsAt: '2027-07-13T18:00:00+08:00',
      timeZone: 'Asia/Singapore',
    });
    const sessionIds: string[] = [];
    for (const [index, startsAt] of ['2027-07-13T14:00:00+08:00', '2027-07-13T10:00:00+08:00'].entries()) {
      const created = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/sessions`,
        headers: organiser.headers,
        payload: {
          title: { en: `Session ${index + 1}`, zh: `会议 ${index + 1}` },
          startsAt,
          endsAt: startsAt.replace(/T(\d\d)/, (_, hour) => `T${Number(hour) + 1}`),
          room: 'Hall A',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      sessionIds.push((created.json() as { id: string }).id);
    }
    const members = await createMembers(app, 2);
    const seat = await countedRegistration(event.id, members[0] as TestMember, {
      claim: { communityMember: true },
      sessionIds,
    });
    const place = await countedRegistration(event.id, members[1] as TestMember, {
      claim: { communityMember: true },
    });
    expect(seat.registration).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(place.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The notice's programme (read with the event row) is the programme the API answers.
    const programme = await app.inject({ method: 'GET', url: `/v1/events/${event.id}/sessions` });
    const notice = await app.db
      .selectFrom('mail_outbox')
      .select('data')
      .where('account_id', '=', seat.registration.stakeholderId)
      .executeTakeFirstOrThrow();
    expect((notice.data as { sessions: unknown[] }).sessions).toEqual(
      (programme.json() as { data: unknown[] }).data,
    );
    expect((notice.data as { sessions: { startsAt: string }[] }).sessions.map((s) => s.startsAt)).toEqual([
      '2027-07-13T10:00:00+08:00',
      '2027-07-13T14:00:00+08:00',
    ]);
    for (const { request, transaction } of [seat, place]) {
      console.info(
        `[registration statements] ${kind}: ${request.length} statements, ${transaction.length} in the transaction`,
      );
      expect(request.length).toBeLessThanOrEqual(MOST_STATEMENTS);
      expect(transaction.length).toBeLessThanOrEqual(MOST_IN_TRANSACTION);
    }
    // Fewer statements, the same writes: one notice, one outbox event and one audit entry each.
    for (const { registration } of [seat, place]) {
      const count = async (table: string, column: string, value: string) =>
        Number(
          (
            await sql<{
              count: number;
            }>`select count(*) as count from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(
              app.db,
            )
          ).rows[0]?.count,
        );
      expect(await count('mail_outbox', 'account_id', registration.stakeholderId)).toBe(1);
      expect(await count('outbox_events', 'subject_id', registration.id)).toBe(1);
      expect(await count('audit_log', 'subject_id', registration.id)).toBe(1);
    }
  });
});
