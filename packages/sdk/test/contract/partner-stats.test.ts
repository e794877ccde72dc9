// Contract test of `client.partner.stats()` against the real @wsc/server, in-process on PGlite
// (on PostgreSQL when TEST_DATABASE_URL is set), through a listening socket, with response
// validation on: the answer must match PartnerStatsSchema as well as the counts.
import { createPartner, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import { AuthenticationError, PermissionError, ValidationError } from '../../src/errors/subclasses';
import { failure, kind, startApi } from './api';

const DAY = 86_400_000;
let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  ({ app, baseURL } = await startApi());
}, 120_000);
afterAll(() => app?.dispose());

const draft = (title: string) => ({
  title: { en: title },
  description: { en: 'Bus stops have no real-time arrival information.' },
  domain: 'mobility' as const,
  city: 'Geneva',
  country: 'CH',
});

/** A user of `partner`'s site, signed in through SSO by the partner's back end. */
async function ssoUser(partnerServer: WscClient, externalUserId: string): Promise<WscClient> {
  const sso = await partnerServer.sso.tokens.create({
    externalUserId,
    email: `${externalUserId}.${Date.now()}@partner.example.org`,
    displayName: `User ${externalUserId}`,
  });
  return new WscClient({ baseURL, token: sso.token });
}

describe(`partner.stats against @wsc/server (${kind})`, () => {
  it("counts the partner's own sign-ups, pain points, votes, comments and registrations", async () => {
    const partner = await createPartner(app);
    const other = await createPartner(app);
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    const otherServer = new WscClient({ baseURL, secretKey: other.secretKey });
    const admin = new WscClient({ baseURL, token: (await signUp(app, { roles: ['admin'] })).token });
    const startsAt = new Date(Date.now() + 40 * DAY);
    const event = await admin.events.create({
      slug: `partner-stats-day-${Date.now()}`,
      name: { en: 'Partner Stats Day' },
      description: { en: 'A day of the community.' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
      timeZone: 'Europe/Zurich',
      city: 'Geneva',
      country: 'CH',
    });

    // Through the partner: a widget sign-up (publishable key) and two SSO users.
    const widget = new WscClient({ baseURL, publishableKey: partner.publishableKey });
    await widget.auth.signup({
      email: `widget.${Date.now()}@example.org`,
      password: 'correct horse battery staple',
      displayName: 'Widget member',
      role: 'urban-planner',
    });
    const first = await ssoUser(server, 'stats-1');
    const second = await ssoUser(server, 'stats-2');
    const flooded = await first.painPoints.create(draft('No arrival times'));
    await second.painPoints.create(draft('No step-free access'));
    await second.painPoints.vote(flooded.id);
    await first.painPoints.comments.create(flooded.id, { body: 'Same at our stop.' });
    await first.events.registrations.create(event.id, { claim: { communityMember: true } });

    // Through another partner: counted for that partner only.
    const stranger = await ssoUser(otherServer, 'stats-other');
    await stranger.painPoints.vote(flooded.id);
    await stranger.painPoints.comments.create(flooded.id, { body: 'And in our city.' });

    const stats = await server.partner.stats();
    expect(stats).toEqual({
      partnerId: partner.id,
      from: expect.any(String),
      to: expect.any(String),
      signups: 3,
      painPoints: 2,
      votes: 1,
      comments: 1,
      registrations: 1,
    });
    expect(Date.parse(stats.to) - Date.parse(stats.from)).toBe(30 * DAY);
    expect(await otherServer.partner.stats()).toMatchObject({
      partnerId: other.id,
      signups: 1,
      painPoints: 0,
      votes: 1,
      comments: 1,
      registrations: 0,
    });

    // A window before all of it counts nothing; the bounds come back as sent, in UTC.
    const from = new Date(Date.now() - 60 * DAY).toISOString();
    const to = new Date(Date.now() - 30 * DAY).toISOString();
    expect(await server.partner.stats({ from, to }, { timeout: 10_000 })).toEqual({
      partnerId: partner.id,
      from,
      to,
      signups: 0,
      painPoints: 0,
      votes: 0,
      comments: 0,
      registrations: 0,
    });
  });

  it('refuses a window out of order or too long with a ValidationError naming `from`', async () => {
    const partner = await createPartner(app);
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    const now = Date.now();
    for (const params of [
      { from: new Date(now).toISOString(), to: new Date(now - DAY).toISOString() },
      { from: new Date(now - 400 * DAY).toISOString() },
    ]) {
      const error = await failure(server.partner.stats(params));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((fieldError) => fieldError.path)).toEqual(['from']);
    }
  });

  it('needs a secret key with the stats scope', async () => {
    const partner = await createPartner(app);
    const widget = new WscClient({ baseURL, publishableKey: partner.publishableKey });
    expect(await failure(widget.partner.stats())).toBeInstanceOf(AuthenticationError);
    const narrow = await createPartner(app, { scopes: ['sso'] });
    const error = await failure(new WscClient({ baseURL, secretKey: narrow.secretKey }).partner.stats());
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.problem?.type).toBe('https://worldsmartcity.org/problems/scope-required');
  });
});
