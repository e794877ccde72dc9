import { setTimeout as sleep } from 'node:timers/promises';
import type { Registration } from '@wsc/models';
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
// the outbox event's statement; 8 (7 in the transaction) since.
const MOST_STATEMENTS = 8;
const MOST_IN_TRANSACTION = 7;

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
    const stop = app.database.activity.onStatement((run) => statements.push(run.sql.trim().toLowerCase()));
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

  test(`a member's registration runs at most ${MOST_STATEMENTS} statements, ${MOST_IN_TRANSACTION} of them in its transaction (a seat, then a waitlist place)`, async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const members = await createMembers(app, 2);
    const seat = await countedRegistration(event.id, members[0] as TestMember, {
      claim: { communityMember: true },
    });
    const place = await countedRegistration(event.id, members[1] as TestMember, {
      claim: { communityMember: true },
    });
    expect(seat.registration).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(place.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    for (const { request, transaction } of [seat, place]) {
      console.info(
        `[registration statements] ${kind}: ${request.length} statements, ${transaction.length} in the transaction`,
      );
      expect(request.length).toBeLessThanOrEqual(MOST_STATEMENTS);
      expect(transaction.length).toBeLessThanOrEqual(MOST_IN_TRANSACTION);
    }
    // Fewer statements, the same writes: one notice, one outbox event and one audit entry each.
    for (const { registration } of [seat, place]) {
      const count = async (table: 'mail_outbox' | 'outbox_events' | 'audit_log', column: string, value: string) =>
        Number(
          (
            await app.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('count'))
              .where(column as never, '=', value)
              .executeTakeFirstOrThrow()
          ).count,
        );
      expect(await count('mail_outbox', 'account_id', registration.stakeholderId)).toBe(1);
      expect(await count('outbox_events', 'subject_id', registration.id)).toBe(1);
      expect(await count('audit_log', 'subject_id', registration.id)).toBe(1);
    }
  });
});
