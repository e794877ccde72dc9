import type { Event, EventSession, Page } from '@wsc/models';
import { forum2016 } from '@wsc/models/catalogue';
import type { ProgrammeProposals } from '@wsc/models/partner';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postPainPoint } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createTestServer, databases, type TestServer } from '../test-support';
import { createEventAs, createMembers, type TestMember } from './fixtures';
import { eventsSeeder } from './seed';

describe.each(databases())('events on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: TestMember;
  let ituStaff: TestMember;
  let member: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    [admin] = (await createMembers(app, 1, { roles: ['member', 'admin'] })) as [TestMember];
    [ituStaff] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
    [member] = (await createMembers(app, 1)) as [TestMember];
  });
  afterAll(() => app.dispose());

  it('serves the 2016 forum by slug, as the catalogue states it, in Singapore time', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/events/world-smart-city-forum-2016' });
    expect(response.statusCode).toBe(200);
    const event = response.json() as Event;
    const { registrationOpensAt, ...rest } = forum2016;
    expect(event).toMatchObject(rest);
    expect(Date.parse(event.registrationOpensAt as string)).toBe(Date.parse(registrationOpensAt as string));
    expect(event.registrationOpensAt).toBe('2016-01-18T07:00:00+08:00');
    expect(event.coLocatedEvents.map((coLocated) => coLocated.name)).toEqual([
      'World Cities Summit',
      'Singapore International Water Week',
    ]);
    const missing = await app.inject({ method: 'GET', url: '/v1/events/no-such-event' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ type: 'https://worldsmartcity.org/problems/event-not-found' });
  });

  it('tells the seats left and the waitlist when an event is read', async () => {
    const event = await createEventAs(app, admin.headers, { capacity: 1 });
    const read = async () =>
      (await app.inject({ method: 'GET', url: `/v1/events/${event.slug}` })).json() as Event;
    expect(await read()).toMatchObject({ capacity: 1, seatsLeft: 1, waitlisted: 0 });
    for (const registrant of [member, ituStaff]) {
      const response = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: registrant.headers,
        payload: {},
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect(await read()).toMatchObject({ seatsLeft: 0, waitlisted: 1 });
    const forum = (await app.inject({ method: 'GET', url: '/v1/events/world-smart-city-forum-2016' })).json();
    expect(forum).toMatchObject({ capacity: null, seatsLeft: null, waitlisted: 0 });
  });

  it('lists upcoming and past events with date, city and organiser filters and cursor pages', async () => {
    const first = await createEventAs(app, admin.headers, {
      city: 'Geneva',
      country: 'CH',
      timeZone: 'Europe/Zurich',
      organiserIds: ['iec'],
    });
    const second = await createEventAs(app, admin.headers);
    const third = await createEventAs(app, admin.headers);
    const list = async (query: string) => {
      const response = await app.inject({ method: 'GET', url: `/v1/events?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Page<Event>;
    };
    expect((await list('')).data.map((event) => event.id)).toEqual([first.id, second.id, third.id]);
    expect((await list('when=past')).data.map((event) => event.slug)).toEqual([
      'world-smart-city-forum-2016',
    ]);
    expect((await list('when=all&city=geneva')).data.map((event) => event.id)).toEqual([first.id]);
    expect((await list('when=all&organiser=itu')).data.map((event) => event.slug)).toEqual([
      'world-smart-city-forum-2016',
      second.slug,
      third.slug,
    ]);
    expect((await list('when=all&from=2016-01-01T00:00:00Z&to=2017-01-01T00:00:00Z')).data).toHaveLength(1);
    const page1 = await list('limit=2');
    expect(page1.data.map((event) => event.id)).toEqual([first.id, second.id]);
    const page2 = await list(`limit=2&cursor=${page1.nextCursor}`);
    expect(page2).toEqual({ data: [expect.objectContaining({ id: third.id })], nextCursor: null });
    const foreign = await app.inject({
      method: 'GET',
      url: `/v1/events?when=past&cursor=${page1.nextCursor}`,
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('lets admins and members of the organiser organization create and edit events, nobody else', async () => {
    const payload = {
      name: { en: 'World Smart City Forum 2027', fr: 'Forum mondial des villes intelligentes 2027' },
      description: { en: 'Second edition.' },
      startsAt: '2027-07-13T09:00:00+08:00',
      endsAt: '2027-07-13T18:00:00+08:00',
      timeZone: 'Asia/Singapore',
      city: 'Singapore',
      country: 'SG',
      capacity: 300,
    };
    const anonymous = await app.inject({ method: 'POST', url: '/v1/events', payload });
    expect(anonymous.statusCode).toBe(401);
    const outsider = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: member.headers,
      payload,
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().type).toMatch(/organiser-required$/);
    const foreignOrganiser = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ituStaff.headers,
      payload: { ...payload, organiserIds: ['iec'] },
    });
    expect(foreignOrganiser.statusCode).toBe(403);

    const created = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ituStaff.headers,
      payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as Event;
    expect(event).toMatchObject({
      slug: 'world-smart-city-forum-2027',
      organiserIds: ['itu'],
      capacity: 300,
    });
    expect(created.headers.location).toBe(`/v1/events/${event.id}`);
    expect(event.startsAt).toBe('2027-07-13T09:00:00+08:00');

    const again = await app.inject({ method: 'POST', url: '/v1/events', headers: admin.headers, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toMatch(/slug-taken$/);
    const unknownOrganiser = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: admin.headers,
      payload: { ...payload, slug: 'other', organiserIds: ['itu', 'nobody'] },
    });
    expect(unknownOrganiser.statusCode).toBe(422);
    expect(unknownOrganiser.json().errors).toEqual([expect.objectContaining({ path: 'organiserIds.1' })]);
    const backwards = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: admin.headers,
      payload: { ...payload, slug: 'backwards', endsAt: '2027-07-12T18:00:00+08:00' },
    });
    expect(backwards.statusCode).toBeGreaterThanOrEqual(400);
    expect(backwards.statusCode).toBeLessThan(500);

    const edit = { venue: 'Marina Bay Sands', capacity: 400 };
    const refused = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: member.headers,
      payload: edit,
    });
    expect(refused.statusCode).toBe(403);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.slug}`,
      headers: ituStaff.headers,
      payload: edit,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ venue: 'Marina Bay Sands', capacity: 400, name: payload.name });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('subject_id', '=', event.id)
      .where('action', '=', 'event.updated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a programme of sessions with speakers, rooms and linked pain points', async () => {
    const event = await createEventAs(app, admin.headers);
    const painPoint = await postPainPoint(app, member.headers, { domain: 'mobility' });
    const startsAt = new Date(Date.parse(event.startsAt) + 3_600_000).toISOString();
    const endsAt = new Date(Date.parse(event.startsAt) + 2 * 3_600_000).toISOString();
    const session = {
      title: { en: 'Moving people', zh: '出行' },
      startsAt,
      endsAt,
      room: 'Hall 2',
      speakers: [{ name: 'Chaesub Lee', affiliation: 'ITU TSB' }],
      painPointIds: [painPoint.id],
    };
    const forbidden = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: member.headers,
      payload: session,
    });
    expect(forbidden.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: ituStaff.headers,
      payload: session,
    });
    expect(created.statusCode, created.body).toBe(201);
    const stored = created.json() as EventSession;
    expect(stored).toMatchObject({
      room: 'Hall 2',
      speakers: session.speakers,
      painPointIds: [painPoint.id],
      eventId: event.id,
    });
    expect(stored.startsAt).toMatch(/\+08:00$/);

    const outside = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: admin.headers,
      payload: { ...session, startsAt: '2000-01-01T09:00:00Z', endsAt: '2000-01-01T10:00:00Z' },
    });
    expect(outside.statusCode).toBe(422);
    const unknownPainPoint = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: admin.headers,
      payload: { ...session, painPointIds: ['nope'] },
    });
    expect(unknownPainPoint.statusCode).toBe(422);
    expect(unknownPainPoint.json().errors).toEqual([expect.objectContaining({ path: 'painPointIds.0' })]);

    const relinked = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}/sessions/${stored.id}`,
      headers: admin.headers,
      payload: { painPointIds: [], room: 'Hall 3' },
    });
    expect(relinked.statusCode, relinked.body).toBe(200);
    expect(relinked.json()).toMatchObject({ painPointIds: [], room: 'Hall 3' });
    const listed = await app.inject({ method: 'GET', url: `/v1/events/${event.slug}/sessions` });
    expect(listed.json()).toEqual({ data: [relinked.json()], nextCursor: null });
  });

  it('two edits of one session at once are checked one after the other: it never ends before it starts', async () => {
    const event = await createEventAs(app, admin.headers);
    const at = (hours: number) => new Date(Date.parse(event.startsAt) + hours * 3_600_000).toISOString();
    for (let round = 0; round < 4; round += 1) {
      const created = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/sessions`,
        headers: admin.headers,
        payload: { title: { en: `Session ${round}` }, startsAt: at(1), endsAt: at(3) },
      });
      const url = `/v1/events/${event.id}/sessions/${(created.json() as EventSession).id}`;
      // Each alone is fine; together the session would end (1:30) before it starts (2:30).
      const answers = await Promise.all([
        app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { startsAt: at(2.5) } }),
        app.inject({ method: 'PATCH', url, headers: ituStaff.headers, payload: { endsAt: at(1.5) } }),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
      const listed = (
        await app.inject({ url: `/v1/events/${event.id}/sessions?limit=100` })
      ).json() as Page<EventSession>;
      const stored = listed.data.find((session) => url.endsWith(session.id));
      expect(Date.parse(stored?.endsAt ?? '')).toBeGreaterThan(Date.parse(stored?.startsAt ?? ''));
    }
  });

  it('serves an iCalendar file that parses back to the same instants', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/events/world-smart-city-forum-2016/calendar.ics',
      headers: { 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).toContain('\r\nTZID:Asia/Singapore\r\n');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.summary).toBe('Forum mondial des villes intelligentes 2016');
    expect(event.startDate.toString()).toBe('2016-07-13T09:00:00');
  });

  it('proposes the most-voted unresolved pain points per domain that no session covers', async () => {
    const event = await createEventAs(app, admin.headers);
    const voters = await createMembers(app, 3);
    const water = [
      await postPainPoint(app, member.headers, { domain: 'water' }),
      await postPainPoint(app, member.headers, { domain: 'water' }),
      await postPainPoint(app, member.headers, { domain: 'water' }),
    ];
    const energy = await postPainPoint(app, member.headers, { domain: 'energy' });
    const closed = await postPainPoint(app, member.headers, { domain: 'energy' });
    await app.db.updateTable('pain_points').set({ status: 'closed' }).where('id', '=', closed.id).execute();
    const vote = async (id: string, count: number) => {
      for (const voter of voters.slice(0, count)) {
        await app.inject({ method: 'PUT', url: `/v1/pain-points/${id}/vote`, headers: voter.headers });
      }
    };
    await vote(water[1]?.id as string, 3);
    await vote(water[2]?.id as string, 2);
    await vote(water[0]?.id as string, 1);
    await vote(closed.id, 3);

    const proposals = async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/events/${event.id}/programme-proposals?perDomain=2`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as ProgrammeProposals;
    };
    const before = await proposals();
    expect(
      before.data.map((group) => [group.domain, group.painPoints.map((painPoint) => painPoint.id)]),
    ).toEqual([
      ['water', [water[1]?.id, water[2]?.id]],
      ['energy', [energy.id]],
    ]);
    expect(before.data[0]?.painPoints[0]?.voteCount).toBe(3);

    await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: admin.headers,
      payload: {
        title: { en: 'Leaking pipes' },
        startsAt: event.startsAt,
        endsAt: new Date(Date.parse(event.startsAt) + 3_600_000).toISOString(),
        painPointIds: [water[1]?.id],
      },
    });
    const after = await proposals();
    expect(after.data[0]).toEqual(
      expect.objectContaining({
        domain: 'water',
        painPoints: [
          expect.objectContaining({ id: water[2]?.id }),
          expect.objectContaining({ id: water[0]?.id }),
        ],
      }),
    );
  });
});
