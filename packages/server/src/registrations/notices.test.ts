import type { Registration } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import type { MailWorker } from '../mail/mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import { createTestServer, databases, type TestServer } from '../test-support';

// Registration notices and event-change notices, through the real routes, the real outbox and
// worker, a real SMTP server; messages parsed by mailparser.
describe.each(databases())('registration notices on $kind', ({ kind }) => {
  let app: TestServer;
  let origin: string;
  let smtp: TestSmtpServer;
  let organiser: TestMember;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, eventsSeeder],
      publicUrl: 'https://community.example.org',
      mail: { smtpUrl: smtp.url, from: 'Community <no-reply@mail.example.org>', worker: false },
    });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  const emailOf = async (member: TestMember) =>
    (
      await app.db
        .selectFrom('accounts')
        .select('email')
        .where('id', '=', member.accountId)
        .executeTakeFirstOrThrow()
    ).email;
  const speak = (member: TestMember, language: string) =>
    app.db.updateTable('accounts').set({ language }).where('id', '=', member.accountId).execute();
  const register = (eventId: string, member: TestMember) =>
    fetch(`${origin}/v1/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { ...member.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ claim: { communityMember: true } }),
    });
  const cancel = (eventId: string, member: TestMember) =>
    fetch(`${origin}/v1/events/${eventId}/registrations/me`, { method: 'DELETE', headers: member.headers });
  const queued = (template: string) =>
    app.db
      .selectFrom('mail_outbox')
      .select(['account_id', 'template', 'language'])
      .where('template', '=', template)
      .execute();

  test('a seat taken: one confirmation in the member’s language, dates in the event’s zone, with the .ics', async () => {
    const event = await createEventAs(app, organiser.headers, {
      capacity: 10,
      startsAt: '2027-07-13T09:00:00+08:00',
      endsAt: '2027-07-13T18:00:00+08:00',
      timeZone: 'Asia/Singapore',
      venue: 'Marina Bay Sands',
    });
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await speak(member, 'fr');
    expect((await register(event.id, member)).status).toBe(201);
    // A second attempt is refused (409) and rolls back: it queues nothing.
    expect((await register(event.id, member)).status).toBe(409);
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toBe(await emailOf(member));
    expect(mail.parsed.subject).toBe(`Votre place à ${event.name.en} est confirmée`);
    // 09:00 in Singapore, written in French ("mardi 13 juillet 2027"), never the UTC 01:00.
    expect(mail.parsed.text).toContain('mardi 13 juillet 2027');
    expect(mail.parsed.text).toContain('09:00');
    expect(mail.parsed.text).toContain('18:00');
    expect(mail.parsed.text).not.toContain('01:00');
    expect(mail.parsed.text).toContain('Marina Bay Sands, Singapore, SG');
    expect(mail.parsed.html).toContain('lang="fr"');
    // Transactional: no unsubscribe header.
    expect(mail.parsed.headers.has('list-unsubscribe')).toBe(false);
    const calendar = mail.parsed.attachments.find(
      (attachment) => attachment.filename === `${event.slug}.ics`,
    );
    expect(calendar?.contentType).toBe('text/calendar');
    const ics = calendar!.content.toString('utf8');
    expect(ics).toContain(`UID:event-${event.id}@community.example.org`);
    expect(ics).toContain('DTSTART;TZID=Asia/Singapore:20270713T090000');
    expect(ics.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
  });

  test('waitlisted with the place number, then cancelled and promoted: each member told once', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const [first, second] = (await createMembers(app, 2)) as [TestMember, TestMember];
    await speak(second, 'zh');
    expect((await register(event.id, first)).status).toBe(201);
    expect((await register(event.id, second)).status).toBe(201);
    await worker().drain();
    expect(smtp.received.map((mail) => mail.to)).toEqual([await emailOf(first), await emailOf(second)]);
    const waitlisted = smtp.received[1]!.parsed;
    expect(waitlisted.subject).toContain('候补名单');
    expect(waitlisted.text).toContain('第 1 位');
    smtp.clear();
    expect((await cancel(event.id, first)).status).toBe(200);
    await worker().drain();
    const byAddress = new Map(smtp.received.map((mail) => [mail.to, mail.parsed]));
    expect(smtp.received).toHaveLength(2);
    expect(byAddress.get(await emailOf(first))?.subject).toContain('is cancelled');
    expect(byAddress.get(await emailOf(second))?.subject).toContain('有席位空出');
    expect(
      byAddress.get(await emailOf(second))?.attachments.map((attachment) => attachment.filename),
    ).toEqual([`${event.slug}.ics`]);
  });

  test('a member who deletes the account is sent nothing more; the member promoted in their place is told', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const [leaving, waiting] = (await createMembers(app, 2)) as [TestMember, TestMember];
    const leavingAddress = await emailOf(leaving);
    expect((await register(event.id, leaving)).status).toBe(201);
    expect((await register(event.id, waiting)).status).toBe(201);
    await worker().drain();
    smtp.clear();
    const deleted = await fetch(`${origin}/v1/me`, { method: 'DELETE', headers: leaving.headers });
    expect(deleted.status).toBe(204);
    await worker().drain();
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      `A seat came free: you are registered for ${event.name.en}`,
    ]);
    expect(smtp.received[0]!.to).toBe(await emailOf(waiting));
    // The record of the mail sent before keeps no address of the deleted member.
    const kept = await app.db
      .selectFrom('mail_outbox')
      .select(['address', 'status'])
      .where('account_id', '=', leaving.accountId)
      .execute();
    expect(kept).toEqual([{ address: '', status: 'sent' }]);
    expect(JSON.stringify(await app.db.selectFrom('mail_outbox').selectAll().execute())).not.toContain(
      leavingAddress,
    );
  });

  test('30 concurrent cancellations promote 30 waitlisted members: 30 promotion mails, not 60', async () => {
    const event = await createEventAs(app, organiser.headers, { capacity: 30 });
    const holders = await createMembers(app, 30);
    const waiting = await createMembers(app, 30);
    for (const member of holders) expect((await register(event.id, member)).status).toBe(201);
    for (const member of waiting) expect((await register(event.id, member)).status).toBe(201);
    await worker().drain();
    smtp.clear();
    const answers = await Promise.all(holders.map((member) => cancel(event.id, member)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    const promotedRows = await queued('registration-promoted');
    expect(promotedRows).toHaveLength(30);
    expect(new Set(promotedRows.map((row) => row.account_id))).toEqual(
      new Set(waiting.map((member) => member.accountId)),
    );
    await worker().drain();
    const promotedMails = smtp.received.filter((mail) => mail.parsed.subject?.startsWith('A seat came free'));
    expect(promotedMails).toHaveLength(30);
    expect(new Set(promotedMails.map((mail) => mail.to)).size).toBe(30);
    expect(smtp.received).toHaveLength(60); // 30 cancellations + 30 promotions
    const stored = (await app.db
      .selectFrom('registrations')
      .select('status')
      .where('event_id', '=', event.id)
      .execute()) as Pick<Registration, 'status'>[];
    expect(stored.filter((row) => row.status === 'confirmed')).toHaveLength(30);
  });

  test('a time or place change tells every registrant in their language; other edits tell nobody', async () => {
    const event = await createEventAs(app, organiser.headers, {
      capacity: 1,
      startsAt: '2027-07-13T09:00:00+08:00',
      endsAt: '2027-07-13T18:00:00+08:00',
    });
    const [seated, waiting, gone] = (await createMembers(app, 3)) as [TestMember, TestMember, TestMember];
    await speak(waiting, 'ar');
    for (const member of [seated, waiting, gone]) expect((await register(event.id, member)).status).toBe(201);
    expect((await cancel(event.id, gone)).status).toBe(200);
    await worker().drain();
    smtp.clear();
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/v1/events/${event.id}`, headers: organiser.headers, payload });
    expect((await patch({ description: { en: 'New words.' }, capacity: 1 })).statusCode).toBe(200);
    expect(await queued('event-changed')).toHaveLength(0);
    expect(
      (
        await patch({
          startsAt: '2027-07-14T10:00:00+08:00',
          endsAt: '2027-07-14T17:00:00+08:00',
          venue: 'Suntec',
        })
      ).statusCode,
    ).toBe(200);
    await worker().drain();
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(
      [await emailOf(seated), await emailOf(waiting)].sort(),
    );
    const byAddress = new Map(smtp.received.map((mail) => [mail.to, mail.parsed]));
    const english = byAddress.get(await emailOf(seated))!;
    expect(english.subject).toContain('has changed');
    // ICU puts narrow and thin no-break spaces around the times: compare with plain spaces.
    const englishText = english.text!.replace(/\s/g, ' ');
    expect(englishText).toContain(
      'Now — when: Wednesday, July 14, 2027, 10:00 AM – 5:00 PM (Asia/Singapore)',
    );
    expect(englishText).toContain(
      'Before — when: Tuesday, July 13, 2027, 9:00 AM – 6:00 PM (Asia/Singapore)',
    );
    expect(english.text).toContain('Suntec');
    const ics = english.attachments[0]!.content.toString('utf8');
    expect(ics).toContain('DTSTART;TZID=Asia/Singapore:20270714T100000');
    const inArabic = byAddress.get(await emailOf(waiting))!;
    expect(inArabic.html).toContain('dir="rtl"');
    expect(inArabic.html).toContain('lang="ar"');
    expect(inArabic.subject).toContain('تغيّر موعد أو مكان');
  });
  test('a session moved in time or room tells every registrant in their language; a title edit tells nobody', async () => {
    const event = await createEventAs(app, organiser.headers, {
      capacity: 1,
      startsAt: '2027-07-13T09:00:00+08:00',
      endsAt: '2027-07-13T18:00:00+08:00',
      timeZone: 'Asia/Singapore',
    });
    const created = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: organiser.headers,
      payload: {
        title: { en: 'Water networks', zh: '供水网络' },
        startsAt: '2027-07-13T10:00:00+08:00',
        endsAt: '2027-07-13T11:00:00+08:00',
        room: 'Hall A',
      },
    });
    expect(created.statusCode).toBe(201);
    const sessionUrl = `/v1/events/${event.id}/sessions/${(created.json() as { id: string }).id}`;
    const [seated, waiting, gone] = (await createMembers(app, 3)) as [TestMember, TestMember, TestMember];
    await speak(waiting, 'zh');
    for (const member of [seated, waiting, gone]) expect((await register(event.id, member)).status).toBe(201);
    expect((await cancel(event.id, gone)).status).toBe(200);
    await worker().drain();
    smtp.clear();
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: sessionUrl, headers: organiser.headers, payload });

    // Title, speakers, the same times written in another zone: nothing a registrant plans around.
    expect(
      (
        await patch({
          title: { en: 'Water networks and leaks' },
          startsAt: '2027-07-13T02:00:00Z',
          room: 'Hall A',
        })
      ).statusCode,
    ).toBe(200);
    expect(await queued('session-changed')).toHaveLength(0);

    expect(
      (await patch({ startsAt: '2027-07-13T14:00:00+08:00', endsAt: '2027-07-13T15:30:00+08:00' }))
        .statusCode,
    ).toBe(200);
    await worker().drain();
    // One mail each to the seated and the waitlisted member, none to the one who cancelled.
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(
      [await emailOf(seated), await emailOf(waiting)].sort(),
    );
    const byAddress = new Map(smtp.received.map((mail) => [mail.to, mail.parsed]));
    const english = byAddress.get(await emailOf(seated))!;
    expect(english.subject).toContain('“Water networks and leaks” has a new time or room');
    const englishText = english.text!.replace(/\s/g, ' ');
    expect(englishText).toContain(
      'Now — when: Tuesday, July 13, 2027, 2:00 – 3:30 PM (Asia/Singapore) · room: Hall A',
    );
    expect(englishText).toContain('Before — when: Tuesday, July 13, 2027, 10:00 – 11:00 AM (Asia/Singapore)');
    const ics = english.attachments[0]!.content.toString('utf8');
    expect(ics).toContain('DTSTART;TZID=Asia/Singapore:20270713T140000');
    const inChinese = byAddress.get(await emailOf(waiting))!;
    expect(inChinese.subject).toContain('会议室已更改');
    expect(inChinese.html).toContain('lang="zh"');

    smtp.clear();
    await speak(waiting, 'ar');
    expect((await patch({ room: 'Hall B' })).statusCode).toBe(200);
    expect((await patch({ room: null })).statusCode).toBe(200);
    await worker().drain();
    expect(smtp.received).toHaveLength(4);
    const waitingAddress = await emailOf(waiting);
    const arabic = smtp.received.filter((mail) => mail.to === waitingAddress).map((mail) => mail.parsed);
    expect(arabic).toHaveLength(2);
    for (const mail of arabic) {
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain('القاعة: Hall B');
    }
    expect(await queued('session-changed')).toHaveLength(6);
  });
});
