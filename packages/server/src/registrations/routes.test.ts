import type { EligibilityDecision, Page, Registration } from '@wsc/models';
import type { EventImportReport, EventRegistrant } from '@wsc/models/partner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { parseCsv } from '../invitations/csv';
import { createTestServer, databases, type TestServer } from '../test-support';

const FORUM = 'world-smart-city-forum-2016';

describe.each(databases())('registration on $kind', ({ kind }) => {
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

  const registerAs = (member: TestMember, eventId: string, payload: object = {}) =>
    app.inject({
      method: 'POST',
      url: `/v1/events/${eventId}/registrations`,
      headers: member.headers,
      payload,
    });
  const importList = (eventId: string, listKind: string, csv: string, headers = organiser.headers) =>
    app.inject({
      method: 'POST',
      url: `/v1/events/${eventId}/imports?kind=${listKind}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const eligibility = (eventId: string, claim: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/v1/events/${eventId}/eligibility`, headers, payload: claim });

  it('refuses registration for the 2016 forum, which has taken place, with a problem saying so', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const response = await registerAs(member, FORUM);
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/registration-closed',
      title: 'Registration closed',
      detail: expect.stringContaining('World Smart City Forum 2016 has already taken place'),
    });
    const anonymous = await app.inject({
      method: 'POST',
      url: `/v1/events/${FORUM}/registrations`,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses before the window opens and after it closes, naming the time', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const later = await createEventAs(app, organiser.headers, {
      registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const early = await registerAs(member, later.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      type: expect.stringMatching(/registration-not-open$/),
      detail: expect.stringContaining(later.registrationOpensAt as string),
    });
    const closed = await createEventAs(app, organiser.headers, {
      registrationOpensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      registrationClosesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const late = await registerAs(member, closed.id);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      type: expect.stringMatching(/registration-closed$/),
      detail: expect.stringContaining(`closed at ${closed.registrationClosesAt}`),
    });
  });

  it('confirms up to the capacity, waitlists the rest in order, and promotes on cancellation', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 2 });
    const members = await createMembers(app, 4);
    const registrations: Registration[] = [];
    for (const member of members) {
      const response = await registerAs(member, event.id, { claim: { communityMember: true } });
      expect(response.statusCode, response.body).toBe(201);
      registrations.push(response.json() as Registration);
    }
    expect(registrations.map((registration) => [registration.status, registration.waitlistPosition])).toEqual(
      [
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ],
    );
    expect(registrations[0]).toMatchObject({
      basis: 'community-member',
      stakeholderId: members[0]?.accountId,
    });

    const twice = await registerAs(members[0] as TestMember, event.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toMatch(/already-registered$/);

    const cancelled = await app.inject({
      method: 'DELETE',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: members[1]?.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    const mine = async (member: TestMember) =>
      (
        await app.inject({
          method: 'GET',
          url: `/v1/events/${event.slug}/registrations/me`,
          headers: member.headers,
        })
      ).json() as Registration;
    expect(await mine(members[2] as TestMember)).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    expect(await mine(members[3] as TestMember)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await mine(members[1] as TestMember)).toMatchObject({ status: 'cancelled' });
    const again = await app.inject({
      method: 'DELETE',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: members[1]?.headers,
    });
    expect(again.statusCode).toBe(404);

    // Coming back after cancelling is a new registration, at the end of the queue.
    const back = await registerAs(members[1] as TestMember, event.id);
    expect(back.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    // Raising the capacity promotes the waitlist in arrival order.
    const raised = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: organiser.headers,
      payload: { capacity: 3 },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(await mine(members[3] as TestMember)).toMatchObject({ status: 'confirmed' });
    expect(await mine(members[1] as TestMember)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const actions = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'registration.%')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const counts: Record<string, number> = {};
    for (const { action } of actions) counts[action] = (counts[action] ?? 0) + 1;
    expect(counts).toEqual({
      'registration.created': 5,
      'registration.cancelled': 1,
      'registration.promoted': 2,
    });
  });

  it('answers eligibility per the seed: members free, others told how to join', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const anonymous = await eligibility(FORUM, {});
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({
      eligible: false,
      basis: null,
      reason: 'No basis for free attendance was claimed',
      howToBecomeEligible: expect.stringContaining('Join the World Smart City Community'),
    });
    const intent = (await eligibility(FORUM, { communityMember: true })).json() as EligibilityDecision;
    expect(intent).toMatchObject({
      eligible: false,
      reason: 'You are not signed in to a community account (sign in, or join with this registration)',
    });
    expect((await eligibility(FORUM, {}, member.headers)).json()).toMatchObject({
      eligible: true,
      basis: 'community-member',
    });
    const staff = (await eligibility(FORUM, { membership: { body: 'ITU' } }, organiser.headers)).json();
    expect(staff).toMatchObject({ eligible: true, basis: 'community-member' });
  });

  it('invitation codes: valid under their limit, refused past it with the reason', async () => {
    const event = await createEventAs(app, organiser.headers, { freeAttendance: ['invited'] });
    const imported = await importList(
      event.id,
      'invitation-codes',
      'code,maxUses,issuedBy\nITU-2016-0042,2,ITU\nIEC-ONCE-0001,,IEC\n',
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 2, imported: 2, failed: [] });
    const members = await createMembers(app, 3);
    const claim = { claim: { invitationCode: 'itu-2016-0042' } };
    expect((await eligibility(event.id, claim.claim)).json()).toMatchObject({
      eligible: true,
      basis: 'invited',
    });
    expect((await registerAs(members[0] as TestMember, event.id, claim)).json()).toMatchObject({
      basis: 'invited',
      status: 'confirmed',
    });
    expect((await registerAs(members[1] as TestMember, event.id, claim)).statusCode).toBe(201);
    const third = await registerAs(members[2] as TestMember, event.id, claim);
    expect(third.statusCode).toBe(403);
    expect(third.json()).toMatchObject({
      type: expect.stringMatching(/not-eligible$/),
      detail: 'The invitation code …0042 has reached its use limit (2 of 2 uses).',
    });
    const unknown = await registerAs(members[2] as TestMember, event.id, {
      claim: { invitationCode: 'FORGED-9999' },
    });
    expect(unknown.json().detail).toBe('The invitation code …9999 was not issued for this event.');
    // Not signed in to the community: this invitation-only event does not accept that basis.
    const plain = await registerAs(members[2] as TestMember, event.id);
    expect(plain.statusCode).toBe(403);
  });

  it('co-located registrants: a reference on the imported list grants a seat, a forged one does not', async () => {
    const event = await createEventAs(app, organiser.headers, {
      freeAttendance: ['co-located-registrant'],
      coLocatedEvents: [{ code: 'WCS', name: 'World Cities Summit', url: null }],
    });
    await importList(event.id, 'co-located-registrants', 'eventCode,reference,name\nwcs,WCS-2026-1001,Ada\n');
    const members = await createMembers(app, 2);
    const forged = await registerAs(members[0] as TestMember, event.id, {
      claim: { coLocatedRegistration: { eventCode: 'WCS', reference: 'WCS-2026-6666' } },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().detail).toBe(
      'No World Cities Summit registration has the reference …6666 in the list its organisers provided.',
    );
    const wrongEvent = await eligibility(event.id, {
      coLocatedRegistration: { eventCode: 'SIWW', reference: 'X' },
    });
    expect(wrongEvent.json().reason).toBe('SIWW is not held alongside this event (co-located events: WCS)');
    const good = { claim: { coLocatedRegistration: { eventCode: 'WCS', reference: 'wcs-2026-1001' } } };
    const registered = await registerAs(members[0] as TestMember, event.id, good);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().basis).toBe('co-located-registrant');
    const reused = await registerAs(members[1] as TestMember, event.id, good);
    expect(reused.statusCode).toBe(403);
    expect(reused.json().detail).toContain('already used by another community account');
  });

  it('standards-body members: by their organization or by an imported member code', async () => {
    const event = await createEventAs(app, organiser.headers, { freeAttendance: ['standards-body-member'] });
    await importList(event.id, 'member-codes', 'body,code\nISO,ISO-M-777\n');
    const [outsider] = (await createMembers(app, 1)) as [TestMember];
    expect(
      (await eligibility(event.id, { membership: { body: 'ITU' } }, organiser.headers)).json(),
    ).toMatchObject({
      eligible: true,
      basis: 'standards-body-member',
    });
    expect(
      (await eligibility(event.id, { membership: { body: 'ISO', code: 'iso-m-777' } })).json(),
    ).toMatchObject({ eligible: true });
    const refused = (
      await eligibility(event.id, { membership: { body: 'ISO', code: 'ISO-M-000' } }, outsider.headers)
    ).json();
    expect(refused).toMatchObject({
      eligible: false,
      reason: 'The ISO member code …-000 is not on the ISO member list of this event',
    });
    expect(
      (await eligibility(event.id, { membership: { body: 'IEC' } }, outsider.headers)).json().reason,
    ).toBe('Your organization is not an IEC member: give your IEC member code');
  });

  it('imports lists row by row, reporting bad rows by line, for organisers only', async () => {
    const event = await createEventAs(app, organiser.headers);
    const csv = [
      'code,maxUses,issuedBy,expiresAt',
      'GOOD-0001,3,ITU,',
      'BAD,1,ITU,', // too short
      'GOOD-0002,zero,ISO,',
      'GOOD-0003,1,WHO,',
      '',
      '"GOOD-0004",5,IEC,2030-01-01T00:00:00Z',
    ].join('\r\n');
    const response = await importList(event.id, 'invitation-codes', csv);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as EventImportReport;
    expect(report).toMatchObject({ kind: 'invitation-codes', eventId: event.id, rows: 5, imported: 2 });
    expect(report.failed.map((failure) => [failure.line, failure.errors.map((error) => error.path)])).toEqual(
      [
        [3, ['code']],
        [4, ['maxUses']],
        [5, ['issuedBy']],
      ],
    );
    const stored = await app.db
      .selectFrom('invitation_codes')
      .select(['hint', 'max_uses'])
      .where('event_id', '=', event.id)
      .orderBy('hint')
      .execute();
    expect(stored).toEqual([
      { hint: '…0001', max_uses: 3 },
      { hint: '…0004', max_uses: 5 },
    ]);
    const [member] = (await createMembers(app, 1)) as [TestMember];
    expect((await importList(event.id, 'invitation-codes', csv, member.headers)).statusCode).toBe(403);
    const noHeader = await importList(event.id, 'invitation-codes', 'GOOD-0009,1,ITU\n');
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().type).toMatch(/import-header$/);
  });

  it('lists and exports registrations for organisers, as JSON pages and CSV', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const members = await createMembers(app, 3);
    for (const member of members) await registerAs(member, event.id);
    const forbidden = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations`,
      headers: members[0]?.headers,
    });
    expect(forbidden.statusCode).toBe(403);

    const page = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations?limit=2`,
      headers: organiser.headers,
    });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json() as Page<EventRegistrant>;
    expect(body.data.map((registrant) => [registrant.stakeholderId, registrant.status])).toEqual([
      [members[0]?.accountId, 'confirmed'],
      [members[1]?.accountId, 'waitlisted'],
    ]);
    expect(body.data[0]?.email).toMatch(/@example\.org$/);
    const rest = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations?limit=2&cursor=${body.nextCursor}`,
      headers: organiser.headers,
    });
    expect((rest.json() as Page<EventRegistrant>).data.map((registrant) => registrant.stakeholderId)).toEqual(
      [members[2]?.accountId],
    );

    const csv = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.id}/registrations`,
      headers: { ...organiser.headers, accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = parseCsv(csv.body).map((record) => record.cells);
    expect(records[0]).toEqual([
      'registrationId',
      'status',
      'waitlistPosition',
      'basis',
      'displayName',
      'email',
      'emailConfirmed',
      'emailAssertedByPartner',
      'organizationId',
      'createdAt',
      'cancelledAt',
    ]);
    expect(records.slice(1).map((cells) => [cells[1], cells[2]])).toEqual([
      ['confirmed', ''],
      ['waitlisted', '1'],
      ['waitlisted', '2'],
    ]);
    const suffixed = await app.inject({
      method: 'GET',
      url: `/v1/events/${event.slug}/registrations.csv?status=waitlisted`,
      headers: organiser.headers,
    });
    expect(parseCsv(suffixed.body)).toHaveLength(3);
  });
});
