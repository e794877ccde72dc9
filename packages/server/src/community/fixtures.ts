import type { PainPointCreateInput, PainPointView } from '@wsc/models';
import { createAccount, createUserToken } from '../identity/accounts-repository';
import type { TestServer } from '../test-support';

let counter = 0;

/**
 * Posts a pain point through the API as `headers`' member and returns it (tests only).
 *
 * @example
 * const painPoint = await postPainPoint(app, member.headers, { title: { zh: '城市交通拥堵' } });
 */
export async function postPainPoint(
  app: TestServer,
  headers: Record<string, string>,
  overrides: Partial<PainPointCreateInput> = {},
): Promise<PainPointView> {
  counter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/v1/pain-points',
    headers,
    payload: {
      title: { en: `Pain point ${counter}` },
      description: { en: `Description of pain point ${counter}` },
      domain: 'water',
      severity: 'high',
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`postPainPoint failed: ${response.statusCode} ${response.body}`);
  return response.json() as PainPointView;
}

/** The `errors[].path` values of a problem response. */
export function errorPaths(body: string): string[] {
  const problem = JSON.parse(body) as { errors?: { path: string }[] };
  return (problem.errors ?? []).map((error) => error.path);
}

let quickCounter = 0;

/**
 * A member created straight in the database with a session token: no password hashing, so
 * tests needing dozens of voters stay fast. The account cannot log in with a password.
 *
 * @example
 * const voter = await quickMember(app);
 * await app.inject({ method: 'PUT', url, headers: voter.headers });
 */
export async function quickMember(
  app: TestServer,
  roles: ('member' | 'expert' | 'moderator' | 'admin')[] = ['member'],
): Promise<{ accountId: string; headers: { authorization: string } }> {
  quickCounter += 1;
  const accountId = await createAccount(app.db, {
    email: `quick${quickCounter}@example.org`,
    passwordHash: null,
    roles,
    displayName: `Quick member ${quickCounter}`,
    role: 'citizen',
  });
  const { token } = await createUserToken(app.db, { accountId, kind: 'session', ttlSeconds: 3600 });
  return { accountId, headers: { authorization: `Bearer ${token}` } };
}

/**
 * Marks accounts' addresses as confirmed by the community, as e-mail confirmation will (tests
 * only): what makes a community account an independent source of reports.
 *
 * @example
 * await confirmAddresses(app, [member.accountId]);
 */
export async function confirmAddresses(app: TestServer, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await app.db
    .updateTable('accounts')
    .set({ email_confirmed_at: new Date() })
    .where('id', 'in', [...accountIds])
    .execute();
}
