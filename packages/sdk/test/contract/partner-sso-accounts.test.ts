// Contract test of `client.partners.ssoAccounts` against the real @wsc/server, in-process (PGlite,
// or PostgreSQL when TEST_DATABASE_URL is set), through a listening socket, with response
// validation on.
import { createPartner, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import { AuthenticationError, PermissionError, ValidationError } from '../../src/errors/subclasses';
import { failure, kind, startApi } from './api';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  ({ app, baseURL } = await startApi());
}, 120_000);
afterAll(() => app?.dispose());

describe(`partners.ssoAccounts against @wsc/server (${kind})`, () => {
  it('an admin reads what a partner minted and suspends it in one step', async () => {
    const partner = await createPartner(app);
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    const admin = new WscClient({ baseURL, token: (await signUp(app, { roles: ['admin'] })).token });
    const painPoint = await admin.painPoints.create({
      title: { en: 'No shared format for parking sensor data' },
      description: { en: 'Each vendor ships its own format.' },
      domain: 'mobility',
      city: 'Geneva',
      country: 'CH',
    });
    const users: WscClient[] = [];
    for (const externalUserId of ['sdk-1', 'sdk-2', 'sdk-3']) {
      const sso = await server.sso.tokens.create({
        externalUserId,
        email: `${externalUserId}@partner.example.org`,
        displayName: externalUserId,
      });
      users.push(new WscClient({ baseURL, token: sso.token }));
    }
    for (const user of users) await user.painPoints.vote(painPoint.id);

    expect(await admin.partners.ssoAccounts.retrieve(partner.id)).toEqual({
      partnerId: partner.id,
      minted: 3,
      active: 3,
      suspended: 0,
      activity: { painPoints: 0, votes: 3, comments: 0, reports: 0 },
    });
    expect(await failure(admin.partners.ssoAccounts.suspend(partner.id, { reason: '' }))).toBeInstanceOf(
      ValidationError,
    );
    const member = new WscClient({ baseURL, token: (await signUp(app)).token });
    expect(await failure(member.partners.ssoAccounts.retrieve(partner.id))).toBeInstanceOf(PermissionError);

    const suspension = await admin.partners.ssoAccounts.suspend(partner.id, { reason: 'Bulk votes' });
    expect(suspension).toMatchObject({ partnerId: partner.id, suspendedAccounts: 3, votesWithdrawn: 3 });
    expect((await admin.painPoints.get(painPoint.id)).voteCount).toBe(0);
    expect(await failure((users[0] as WscClient).me.get())).toBeInstanceOf(AuthenticationError);
  });
});
