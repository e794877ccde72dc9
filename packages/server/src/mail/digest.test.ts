import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createTestServer, databases, type TestServer } from '../test-support';
import { isoWeek, queueWeeklyDigests } from './digest';
import type { MailWorker } from './mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

test('isoWeek follows ISO 8601 (the Thursday decides the year)', () => {
  expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  expect(isoWeek(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
  expect(isoWeek(new Date('2026-12-13T23:59:59Z'))).toBe('2026-W50');
  expect(isoWeek(new Date('2026-12-14T00:00:00Z'))).toBe('2026-W51');
});

describe.each(databases())('the weekly digest on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      mail: { smtpUrl: smtp.url, from: 'Community <no-reply@mail.example.org>', worker: false },
    });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  const prefer = (accountId: string, values: { digest: boolean; digest_domains?: string[] }) =>
    app.db
      .insertInto('mail_preferences')
      .values({ account_id: accountId, ...values })
      .execute();

  test('most-voted new pain points in the member’s domains and country, once per member and week', async () => {
    const author = await quickMember(app);
    const [narrow, wide, silent] = [await quickMember(app), await quickMember(app), await quickMember(app)];
    await app.db
      .updateTable('stakeholders')
      .set({ country: 'NG' })
      .where('id', '=', narrow.accountId)
      .execute();
    await app.db.updateTable('accounts').set({ language: 'es' }).where('id', '=', wide.accountId).execute();
    await prefer(narrow.accountId, { digest: true, digest_domains: ['water'] });
    await prefer(wide.accountId, { digest: true });
    await prefer(silent.accountId, { digest: false });
    const lagosWater = await postPainPoint(app, author.headers, {
      title: { en: 'Lagos floods' },
      domain: 'water',
      country: 'NG',
    });
    const parisWater = await postPainPoint(app, author.headers, {
      title: { en: 'Paris leaks', es: 'Fugas en París' },
      domain: 'water',
      country: 'FR',
    });
    const lagosBuses = await postPainPoint(app, author.headers, {
      title: { en: 'Lagos buses' },
      domain: 'mobility',
      country: 'NG',
    });
    const old = await postPainPoint(app, author.headers, {
      title: { en: 'Old news' },
      domain: 'water',
      country: 'NG',
    });
    for (const [id, votes] of [
      [lagosWater.id, 3],
      [parisWater.id, 5],
      [lagosBuses.id, 1],
      [old.id, 50],
    ] as const) {
      await app.db.updateTable('pain_points').set({ vote_count: votes }).where('id', '=', id).execute();
    }
    const now = new Date(Date.now() + 60_000);
    await app.db
      .updateTable('pain_points')
      .set({ created_at: new Date(now.getTime() - 10 * 86_400_000) })
      .where('id', '=', old.id)
      .execute();

    // Two instances looking at once, then a third look the same week: two digests in all.
    const counts = await Promise.all([queueWeeklyDigests(app.db, now), queueWeeklyDigests(app.db, now)]);
    expect(counts[0]! + counts[1]!).toBe(2);
    expect(await queueWeeklyDigests(app.db, new Date(now.getTime() + 3_600_000))).toBe(0);
    const queued = await app.db.selectFrom('mail_outbox').select(['account_id', 'template']).execute();
    expect(queued.map((row) => row.account_id).sort()).toEqual([narrow.accountId, wide.accountId].sort());

    await worker().drain();
    expect(smtp.received).toHaveLength(2);
    const emailOf = async (accountId: string) =>
      (
        await app.db
          .selectFrom('accounts')
          .select('email')
          .where('id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).email;
    const byAddress = new Map(smtp.received.map((mail) => [mail.to, mail.parsed]));
    const narrowMail = byAddress.get(await emailOf(narrow.accountId))!;
    expect(narrowMail.subject).toBe('This week in the community: 1 new pain point');
    expect(narrowMail.text).toContain('1. Lagos floods (NG) — 3 votes');
    expect(narrowMail.text).not.toContain('Paris');
    expect(narrowMail.text).not.toContain('Old news');
    const wideMail = byAddress.get(await emailOf(wide.accountId))!;
    expect(wideMail.subject).toBe('Esta semana en la comunidad: 3 nuevos problemas');
    const order = ['Fugas en París', 'Lagos floods', 'Lagos buses'].map((title) =>
      wideMail.text!.indexOf(title),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(narrowMail.headerLines.some((line) => line.key === 'list-unsubscribe-post')).toBe(true);

    // Next week: a new digest, with only that week's pain points.
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    const fresh = await postPainPoint(app, author.headers, {
      title: { en: 'Lagos drains' },
      domain: 'water',
      country: 'NG',
    });
    await app.db
      .updateTable('pain_points')
      .set({ created_at: new Date(nextWeek.getTime() - 86_400_000) })
      .where('id', '=', fresh.id)
      .execute();
    expect(await queueWeeklyDigests(app.db, nextWeek)).toBe(2);
    const weeks = await app.db.selectFrom('mail_digest_weeks').select(['account_id', 'week']).execute();
    expect(weeks).toHaveLength(4);
  });
});
