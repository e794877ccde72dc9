import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { optionsFromEnvironment, resolveConfig } from '../config';
import {
  createPartner,
  createTestServer,
  databases,
  type TestPartner,
  type TestServer,
} from '../test-support/index';

/** The limit these tests run with: small, so a burst crosses it. */
const LIMIT = 5;

/**
 * Issue #19, "one partner is not many people": a partner's secret key mints a community account
 * at each first sign-in of one of its users. How many it mints per hour is limited per partner
 * (`ssoSignupsPerPartnerPerHour`), counted in the database so every instance shares the count,
 * and exactly: a burst of concurrent sign-ups gets exactly the limit through.
 */
describe.each(databases())('SSO sign-ups limited per partner on $kind', ({ kind }) => {
  let app: TestServer;
  let partnerA: TestPartner;
  let partnerB: TestPartner;
  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [], ssoSignupsPerPartnerPerHour: LIMIT });
  });
  beforeEach(async () => {
    await app.reset();
    partnerA = await createPartner(app);
    partnerB = await createPartner(app);
  });
  afterAll(() => app?.dispose());

  function signIn(partner: TestPartner, externalUserId: string) {
    return app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: {
        externalUserId,
        email: `${externalUserId}@partner.example.org`,
        displayName: `User ${externalUserId}`,
      },
    });
  }

  async function mintedBy(partnerId: string): Promise<number> {
    const row = await app.db
      .selectFrom('partner_identities')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('partner_id', '=', partnerId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  test('a burst of concurrent sign-ups mints exactly the limit; the rest get a clear 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => signIn(partnerA, `burst-${index}`)),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - LIMIT);
    expect(await mintedBy(partnerA.id)).toBe(LIMIT);

    const refused = answers.find((answer) => answer.statusCode === 429);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const body = refused?.json() as { type: string; status: number; detail: string };
    expect(body.type).toMatch(/\/sso-signups-limited$/);
    expect(body.status).toBe(429);
    expect(body.detail).toContain(`${LIMIT} new accounts`);
    // Nothing half-written by a refused sign-up: no account without its link.
    const orphans = await app.db
      .selectFrom('accounts')
      .leftJoin('partner_identities', 'partner_identities.account_id', 'accounts.id')
      .select('accounts.id')
      .where('partner_identities.account_id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });

  test('users the partner already signed in keep signing in; another partner has its own budget', async () => {
    for (let index = 0; index < LIMIT; index += 1) {
      expect((await signIn(partnerA, `user-${index}`)).statusCode).toBe(201);
    }
    expect((await signIn(partnerA, 'one-too-many')).statusCode).toBe(429);
    const again = await Promise.all(
      Array.from({ length: LIMIT }, (_, index) => signIn(partnerA, `user-${index}`)),
    );
    expect(again.map((answer) => answer.statusCode)).toEqual(Array(LIMIT).fill(201));
    expect((await signIn(partnerB, 'first-of-b')).statusCode).toBe(201);
  });

  test('accounts minted more than an hour ago no longer count', async () => {
    for (let index = 0; index < LIMIT; index += 1) {
      expect((await signIn(partnerA, `old-${index}`)).statusCode).toBe(201);
    }
    await app.db
      .updateTable('partner_identities')
      .set({ created_at: sql`now() - interval '3601 seconds'` })
      .where('partner_id', '=', partnerA.id)
      .execute();
    expect((await signIn(partnerA, 'next-hour')).statusCode).toBe(201);
  });
});

describe('ssoSignupsPerPartnerPerHour', () => {
  test('defaults, can be turned off, and is read from WSC_SSO_SIGNUPS_PER_HOUR', () => {
    expect(resolveConfig({}).ssoSignupsPerPartnerPerHour).toBe(1000);
    expect(resolveConfig({ ssoSignupsPerPartnerPerHour: false }).ssoSignupsPerPartnerPerHour).toBe(false);
    expect(optionsFromEnvironment({ WSC_SSO_SIGNUPS_PER_HOUR: '50' }).ssoSignupsPerPartnerPerHour).toBe(50);
    expect(optionsFromEnvironment({ WSC_SSO_SIGNUPS_PER_HOUR: 'off' }).ssoSignupsPerPartnerPerHour).toBe(
      false,
    );
    expect(() => optionsFromEnvironment({ WSC_SSO_SIGNUPS_PER_HOUR: '-3' })).toThrow(
      'WSC_SSO_SIGNUPS_PER_HOUR must be a positive integer or "off", not "-3"',
    );
  });
});
