import type { Event } from '@wsc/models';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { openStream, type SseConnection } from '../live/test-sse-client';
import { createTestServer, databases, type TestServer } from '../test-support';

/** Where a member stands with ITU, the organiser of every event here. */
const STANDINGS = ['self-claimed', 'pending', 'refused', 'approved', 'removed'] as const;
type Standing = (typeof STANDINGS)[number];

/** Credential checks of open streams run this often here (30 s by default). */
const CREDENTIAL_CHECK_MILLISECONDS = 200;

/**
 * The attack of issue 14, on every power an organization's membership grants: a member who only
 * claimed, asked, was refused or was removed is no organiser and no member of the organization's
 * standards body; only an approved one is.
 */
describe.each(databases())('powers of organization membership on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let admin: TestMember;
  let manager: TestMember;
  let event: Event;
  let sessionId: string;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, eventsSeeder],
      liveCredentialCheckMilliseconds: CREDENTIAL_CHECK_MILLISECONDS,
      webhookWorker: false,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await app.reset();
    await app.outbox.resync();
    [admin, manager] = (await createMembers(app, 2, { roles: ['member', 'admin'] })) as [
      TestMember,
      TestMember,
    ];
    // The manager is an admin only until named: then a plain member managing ITU.
    await decide(admin, manager.accountId, { status: 'approved', role: 'manager' });
    await app.db
      .updateTable('accounts')
      .set({ roles: ['member'] })
      .where('id', '=', manager.accountId)
      .execute();
    event = await createEventAs(app, admin.headers, { organiserIds: ['itu'], capacity: 50 });
    const session = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: admin.headers,
      payload: { title: { en: 'Opening' }, startsAt: event.startsAt, endsAt: event.endsAt },
    });
    expect(session.statusCode, session.body).toBe(201);
    sessionId = session.json().id;
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await app?.dispose();
  });

  function decide(by: TestMember, accountId: string, payload: object) {
    return app.inject({
      method: 'PATCH',
      url: `/v1/organizations/itu/memberships/${accountId}`,
      headers: by.headers,
      payload,
    });
  }

  /** A new member standing with ITU as `standing` says, reached through the routes. */
  async function memberWho(standing: Standing): Promise<TestMember> {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    if (standing === 'self-claimed') {
      await app.inject({
        method: 'PATCH',
        url: '/v1/me',
        headers: member.headers,
        payload: { organizationId: 'itu' },
      });
      return member;
    }
    const asked = await app.inject({
      method: 'POST',
      url: '/v1/organizations/itu/membership-requests',
      headers: member.headers,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const steps: Record<Exclude<Standing, 'self-claimed'>, object[]> = {
      pending: [],
      refused: [{ status: 'refused' }],
      approved: [{ status: 'approved' }],
      removed: [{ status: 'approved' }, { status: 'removed' }],
    };
    for (const step of steps[standing]) {
      const decided = await decide(manager, member.accountId, step);
      expect(decided.statusCode, decided.body).toBe(200);
    }
    return member;
  }

  /** Every organiser route, with the answer an organiser gets. */
  const ORGANISER_ROUTES: {
    name: string;
    allowed: number;
    send: (member: TestMember) => Promise<LightMyRequestResponse>;
  }[] = [
    {
      name: 'POST /v1/events in the organization’s name',
      allowed: 201,
      send: (member) =>
        app.inject({
          method: 'POST',
          url: '/v1/events',
          headers: member.headers,
          payload: {
            name: { en: 'ITU Smart Cities Day' },
            description: { en: 'A day of the community.' },
            startsAt: event.startsAt,
            endsAt: event.endsAt,
            timeZone: 'Europe/Zurich',
            city: 'Geneva',
            country: 'CH',
            organiserIds: ['itu'],
          },
        }),
    },
    {
      name: 'PATCH /v1/events/{id} (capacity)',
      allowed: 200,
      send: (member) =>
        app.inject({
          method: 'PATCH',
          url: `/v1/events/${event.id}`,
          headers: member.headers,
          payload: { capacity: 5 },
        }),
    },
    {
      name: 'POST /v1/events/{id}/sessions',
      allowed: 201,
      send: (member) =>
        app.inject({
          method: 'POST',
          url: `/v1/events/${event.id}/sessions`,
          headers: member.headers,
          payload: { title: { en: 'Workshop' }, startsAt: event.startsAt, endsAt: event.endsAt },
        }),
    },
    {
      name: 'PATCH /v1/events/{id}/sessions/{sessionId}',
      allowed: 200,
      send: (member) =>
        app.inject({
          method: 'PATCH',
          url: `/v1/events/${event.id}/sessions/${sessionId}`,
          headers: member.headers,
          payload: { title: { en: 'Opening plenary' } },
        }),
    },
    {
      name: 'GET /v1/events/{id}/registrations (attendees and their e-mails)',
      allowed: 200,
      send: (member) => app.inject({ url: `/v1/events/${event.id}/registrations`, headers: member.headers }),
    },
    {
      name: 'GET /v1/events/{id}/registrations with Accept: text/csv',
      allowed: 200,
      send: (member) =>
        app.inject({
          url: `/v1/events/${event.id}/registrations`,
          headers: { ...member.headers, accept: 'text/csv' },
        }),
    },
    {
      name: 'GET /v1/events/{id}/registrations.csv',
      allowed: 200,
      send: (member) =>
        app.inject({ url: `/v1/events/${event.id}/registrations.csv`, headers: member.headers }),
    },
    {
      name: 'POST /v1/events/{id}/imports (invitation codes)',
      allowed: 200,
      send: (member) =>
        app.inject({
          method: 'POST',
          url: `/v1/events/${event.id}/imports?kind=invitation-codes`,
          headers: { ...member.headers, 'content-type': 'text/csv' },
          payload: 'code,maxUses,issuedBy\nITU-2027-0001,1,ITU\n',
        }),
    },
  ];

  describe.each(ORGANISER_ROUTES)('$name', (route) => {
    it.each(STANDINGS)('the member is %s', async (standing) => {
      const member = await memberWho(standing);
      const response = await route.send(member);
      if (standing === 'approved') {
        expect(response.statusCode, response.body).toBe(route.allowed);
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().type).toMatch(/organiser-required$/);
      }
    });
  });

  describe('the ITU members’ free attendance (standards-body-member)', () => {
    let membersOnly: Event;
    beforeEach(async () => {
      membersOnly = await createEventAs(app, admin.headers, {
        organiserIds: ['itu'],
        freeAttendance: ['standards-body-member'],
      });
    });

    it.each(STANDINGS)('the member is %s: eligibility and registration', async (standing) => {
      const member = await memberWho(standing);
      const claim = { membership: { body: 'ITU' } };
      const eligibility = await app.inject({
        method: 'POST',
        url: `/v1/events/${membersOnly.id}/eligibility`,
        headers: member.headers,
        payload: claim,
      });
      expect(eligibility.statusCode, eligibility.body).toBe(200);
      const registered = await app.inject({
        method: 'POST',
        url: `/v1/events/${membersOnly.id}/registrations`,
        headers: member.headers,
        payload: { claim },
      });
      if (standing === 'approved') {
        expect(eligibility.json()).toMatchObject({ eligible: true, basis: 'standards-body-member' });
        expect(registered.statusCode, registered.body).toBe(201);
      } else {
        expect(eligibility.json()).toMatchObject({ eligible: false });
        expect(registered.statusCode, registered.body).toBe(403);
        expect(registered.json().type).toMatch(/not-eligible$/);
      }
    });
  });

  describe('restricted live events of the organization’s events', () => {
    async function registerSomeone(): Promise<string> {
      const [attendee] = (await createMembers(app, 1)) as [TestMember];
      const registered = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: attendee.headers,
        payload: {},
      });
      expect(registered.statusCode, registered.body).toBe(201);
      await app.outbox.caughtUp();
      return attendee.accountId;
    }

    async function replay(member: TestMember): Promise<string> {
      const stream = await openStream(
        `${base}/v1/stream?topics=events/${event.id}&lastEventId=0`,
        member.headers,
      );
      streams.push(stream);
      await stream.until((frames) => frames.some((frame) => frame.event === 'registration.created'));
      return stream
        .events()
        .map((frame) => frame.data ?? '')
        .join('\n');
    }

    it.each(STANDINGS)('the member is %s: reads who registered only when approved', async (standing) => {
      const attendee = await registerSomeone();
      const member = await memberWho(standing);
      const seen = await replay(member);
      if (standing === 'approved') expect(seen).toContain(attendee);
      else expect(seen).not.toContain(attendee);
    });

    it('an approved organiser’s open stream ends when a manager removes them; a steady one stays', async () => {
      const [removed, steady] = [await memberWho('approved'), await memberWho('approved')];
      const removedStream = await openStream(`${base}/v1/stream?topics=events/${event.id}`, removed.headers);
      const steadyStream = await openStream(`${base}/v1/stream?topics=events/${event.id}`, steady.headers);
      streams.push(removedStream, steadyStream);
      for (const stream of [removedStream, steadyStream]) {
        await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
      }
      expect((await decide(manager, removed.accountId, { status: 'removed' })).statusCode).toBe(200);
      await removedStream.ended;
      const attendee = await registerSomeone();
      await steadyStream.until((frames) => frames.some((frame) => frame.data?.includes(attendee)));
      // The removed member reconnects: they are a plain member now.
      expect(await replay(removed)).not.toContain(attendee);
    });
  });
});
