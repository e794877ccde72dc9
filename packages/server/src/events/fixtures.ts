import type { Event, EventCreate } from '@wsc/models';
import { generateToken, hashToken } from '../access/tokens';
import type { TestServer } from '../test-support';

export interface TestMember {
  accountId: string;
  token: string;
  headers: Record<string, string>;
}

let memberCounter = 0;

/**
 * Creates members straight in the database with a session token each (tests only): signing
 * 200 members up through the API would spend seconds hashing passwords. `organizationId` makes
 * them approved members of that organization, as its managers would have.
 *
 * @example
 * const [organiser] = await createMembers(app, 1, { organizationId: 'itu' });
 */
export async function createMembers(
  app: Pick<TestServer, 'db'>,
  count: number,
  options: { organizationId?: string | null; roles?: string[] } = {},
): Promise<TestMember[]> {
  const members: TestMember[] = [];
  const rows = Array.from({ length: count }, () => {
    memberCounter += 1;
    const token = generateToken('session');
    return {
      token,
      email: `attendee${memberCounter}.${process.pid}.${Date.now()}@example.org`,
      name: `Attendee ${memberCounter}`,
    };
  });
  await app.db.transaction().execute(async (trx) => {
    const accounts = await trx
      .insertInto('accounts')
      .values(
        rows.map((row) => ({
          email: row.email,
          email_normalized: row.email,
          password_hash: null,
          roles: options.roles ?? ['member'],
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const idByEmail = new Map(accounts.map((account) => [account.email, account.id]));
    await trx
      .insertInto('stakeholders')
      .values(
        rows.map((row) => ({
          id: idByEmail.get(row.email) as string,
          display_name: row.name,
          role: 'urban-planner',
          organization_id: options.organizationId ?? null,
        })),
      )
      .execute();
    await trx
      .insertInto('sessions')
      .values(
        rows.map((row) => ({
          account_id: idByEmail.get(row.email) as string,
          token_hash: hashToken(row.token),
          kind: 'session' as const,
          expires_at: new Date(Date.now() + 3_600_000),
        })),
      )
      .execute();
    if (options.organizationId) {
      await trx
        .insertInto('organization_memberships')
        .values(
          rows.map((row) => ({
            organization_id: options.organizationId as string,
            account_id: idByEmail.get(row.email) as string,
            status: 'approved' as const,
            basis: 'decision' as const,
            decided_at: new Date(),
          })),
        )
        .execute();
    }
    for (const row of rows) {
      const accountId = idByEmail.get(row.email) as string;
      members.push({ accountId, token: row.token, headers: { authorization: `Bearer ${row.token}` } });
    }
  });
  return members;
}

let eventCounter = 0;

/**
 * Creates an event through the API (tests only): registration open now, each new event a day after the previous one, a month ahead.
 *
 * @example
 * const event = await createEventAs(app, admin.headers, { capacity: 50 });
 */
export async function createEventAs(
  app: TestServer,
  headers: Record<string, string>,
  overrides: Partial<EventCreate> = {},
): Promise<Event> {
  eventCounter += 1;
  const start = new Date(Date.now() + (30 + eventCounter) * 86_400_000);
  start.setUTCHours(1, 0, 0, 0);
  const response = await app.inject({
    method: 'POST',
    url: '/v1/events',
    headers,
    payload: {
      name: { en: `Smart City Workshop ${eventCounter}` },
      description: { en: 'A workshop of the community.' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 9 * 3_600_000).toISOString(),
      timeZone: 'Asia/Singapore',
      city: 'Singapore',
      country: 'SG',
      organiserIds: ['itu'],
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`createEventAs failed: ${response.statusCode} ${response.body}`);
  return response.json() as Event;
}
