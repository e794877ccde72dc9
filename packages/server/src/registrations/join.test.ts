import type { EligibilityDecision, RegistrationCreated } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { createTestServer, databases, type TestServer } from '../test-support';

let joinCounter = 0;
/** Sign-up details of a new person (the `join` of a registration). */
function newcomer(overrides: Record<string, unknown> = {}) {
  joinCounter += 1;
  return {
    email: `newcomer${joinCounter}.${process.pid}.${Date.now()}@example.org`,
    password: 'a long enough passphrase',
    displayName: `Newcomer ${joinCounter}`,
    role: 'city-leader',
    country: 'SG',
    ...overrides,
  };
}

describe.each(databases())('joining the community while registering on $kind', ({ kind }) => {
  let app: TestServer;
  let organiser: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app.dispose());

  const registerAnonymously = (eventId: string, payload: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/v1/events/${eventId}/registrations`, headers, payload });
  const counts = async () => {
    const accounts = await app.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    const registrations = await app.db
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return { accounts: Number(accounts.count), registrations: Number(registrations.count) };
  };

  it('answers eligibility for a signed-out person who says they join now', async () => {
    const event = await createEventAs(app, organiser.headers);
    const joining = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/eligibility`,
      payload: { joiningNow: true },
    });
    expect(joining.statusCode).toBe(200);
    expect(joining.json<EligibilityDecision>()).toMatchObject({
      eligible: true,
      basis: 'community-member',
      reason: expect.stringContaining('joining the community with this registration'),
    });
    const notJoining = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/eligibility`,
      payload: { communityMember: true },
    });
    expect(notJoining.json<EligibilityDecision>()).toMatchObject({
      eligible: false,
      reason: expect.stringContaining('not signed in'),
      howToBecomeEligible: expect.stringContaining('`join`'),
    });
  });

  it('creates the account, the profile, the seat and a working session in one step', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const details = newcomer();
    const response = await registerAnonymously(event.id, { join: details });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json<RegistrationCreated>();
    expect(created).toMatchObject({ eventId: event.id, status: 'confirmed', basis: 'community-member' });
    expect(created.session?.token).toMatch(/^wsc_ses_/);
    const bearer = { authorization: `Bearer ${created.session?.token}` };

    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ account: { email: details.email } });
    const mine = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: bearer,
    });
    expect(mine.json()).toMatchObject({ id: created.id, status: 'confirmed' });
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: details.email, password: details.password },
    });
    expect(login.statusCode).toBe(200);

    const second = await registerAnonymously(event.id, { join: newcomer() });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('writes nothing when any part fails: taken e-mail, not eligible, closed window', async () => {
    const event = await createEventAs(app, organiser.headers);
    const details = newcomer();
    expect((await registerAnonymously(event.id, { join: details })).statusCode).toBe(201);
    const before = await counts();

    const taken = await registerAnonymously(event.id, {
      join: newcomer({ email: details.email.toUpperCase() }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      type: expect.stringMatching(/email-taken$/),
      errors: [{ path: 'join.email' }],
    });

    const invitedOnly = await createEventAs(app, organiser.headers, { freeAttendance: ['invited'] });
    const beforeInvitedOnly = await counts();
    const refused = await registerAnonymously(invitedOnly.id, { join: newcomer() });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ type: expect.stringMatching(/not-eligible$/) });
    expect(await counts()).toEqual(beforeInvitedOnly);

    const closed = await createEventAs(app, organiser.headers, {
      registrationOpensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      registrationClosesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const beforeClosed = await counts();
    const late = await registerAnonymously(closed.id, { join: newcomer() });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ type: expect.stringMatching(/registration-closed$/) });
    expect(await counts()).toEqual(beforeClosed);
    expect(beforeClosed.accounts - before.accounts).toBe(0);
  });

  it('names the bad sign-up field, refuses join while signed in, and asks signed-out people to join', async () => {
    const event = await createEventAs(app, organiser.headers);
    const before = await counts();
    const invalid = await registerAnonymously(event.id, {
      join: newcomer({ password: 'short', email: 'nope' }),
    });
    expect(invalid.statusCode).toBe(422);
    const paths = invalid.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['join.password', 'join.email']));

    const [member] = (await createMembers(app, 1)) as [TestMember];
    const signedIn = await registerAnonymously(event.id, { join: newcomer() }, member.headers);
    expect(signedIn.statusCode).toBe(409);
    expect(signedIn.json()).toMatchObject({
      type: expect.stringMatching(/already-signed-in$/),
      errors: [{ path: 'join' }],
    });

    const anonymous = await registerAnonymously(event.id, {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().detail).toContain('`join`');
    expect(await counts()).toEqual({ ...before, accounts: before.accounts + 1 });
  });

  it('20 concurrent retries with one Idempotency-Key make one account and one registration', async () => {
    const event = await createEventAs(app, organiser.headers);
    const before = await counts();
    const details = newcomer();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        registerAnonymously(event.id, { join: details }, { 'idempotency-key': `join-${details.email}` }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    // The answer held a session token, shown once: a retry is told so instead of getting a copy.
    for (const response of responses.filter((candidate) => candidate.statusCode !== 201)) {
      expect(response.statusCode).toBe(409);
      expect(response.json().type).toMatch(/idempotency-(replay-unavailable|key-in-use)$/);
    }
    expect(await counts()).toEqual({
      accounts: before.accounts + 1,
      registrations: before.registrations + 1,
    });
    const stored = await app.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .where('key', '=', `join-${details.email}`)
      .executeTakeFirstOrThrow();
    expect(stored.response_body).toBeNull();
  });

  it('30 people joining at once for 10 seats: 10 confirmed, 20 waitlisted in order', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 10 });
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => registerAnonymously(event.id, { join: newcomer() })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(30).fill(201));
    const created = responses.map((response) => response.json<RegistrationCreated>());
    expect(created.filter((registration) => registration.status === 'confirmed')).toHaveLength(10);
    const positions = created
      .filter((registration) => registration.status === 'waitlisted')
      .map((registration) => registration.waitlistPosition)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});
