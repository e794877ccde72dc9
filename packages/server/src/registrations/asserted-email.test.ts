import type { Page } from '@wsc/models';
import type { EventRegistrant } from '@wsc/models/partner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmAddresses } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { parseCsv } from '../invitations/csv';
import { createPartner, createTestServer, databases, ssoSignIn, type TestServer } from '../test-support';

/**
 * Issue #19, "one partner is not many people": an organiser's attendee list tells an address the
 * community confirmed from one a partner's single sign-on asserted (the partner vouches for it;
 * nobody checked it), naming the partner.
 */
describe.each(databases())('who vouches for an attendee address on $kind', ({ kind }) => {
  let app: TestServer;
  let organiser: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app.dispose());

  it('names the partner that asserted an SSO member’s e-mail, in JSON and CSV', async () => {
    const event = await createEventAs(app, organiser.headers);
    const partner = await createPartner(app, { name: 'IEC web' });
    const viaPartner = await ssoSignIn(app, partner, {
      externalUserId: 'iec-7',
      email: 'claimed.by.partner@example.org',
    });
    const [confirmed, unconfirmed] = (await createMembers(app, 2)) as [TestMember, TestMember];
    await confirmAddresses(app, [confirmed.accountId]);
    for (const headers of [viaPartner.headers, confirmed.headers, unconfirmed.headers]) {
      const response = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers,
        payload: {},
      });
      expect(response.statusCode, response.body).toBe(201);
    }

    const page = await app.inject({
      url: `/v1/events/${event.id}/registrations`,
      headers: organiser.headers,
    });
    expect(page.statusCode, page.body).toBe(200);
    const byMember = new Map(
      (page.json() as Page<EventRegistrant>).data.map((registrant) => [registrant.stakeholderId, registrant]),
    );
    expect(byMember.get(viaPartner.stakeholderId)).toMatchObject({
      email: 'claimed.by.partner@example.org',
      emailConfirmed: false,
      emailAssertedBy: { partnerId: partner.id, partnerName: 'IEC web' },
    });
    expect(byMember.get(confirmed.accountId)).toMatchObject({ emailConfirmed: true, emailAssertedBy: null });
    expect(byMember.get(unconfirmed.accountId)).toMatchObject({
      emailConfirmed: false,
      emailAssertedBy: null,
    });

    const csv = await app.inject({
      url: `/v1/events/${event.id}/registrations.csv`,
      headers: organiser.headers,
    });
    const [header, ...rows] = parseCsv(csv.body).map((record) => record.cells);
    const column = (name: string) => (header as string[]).indexOf(name);
    const rowOf = (email: string) => rows.find((cells) => cells[column('email')] === email) as string[];
    expect(rowOf('claimed.by.partner@example.org')[column('emailAssertedByPartner')]).toBe('IEC web');
    expect(rowOf('claimed.by.partner@example.org')[column('emailConfirmed')]).toBe('false');
    const confirmedEmail = byMember.get(confirmed.accountId)?.email as string;
    expect(rowOf(confirmedEmail)[column('emailConfirmed')]).toBe('true');
    expect(rowOf(confirmedEmail)[column('emailAssertedByPartner')]).toBe('');
  });
});
