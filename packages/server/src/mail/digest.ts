import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { enqueueOptionalMail } from './member-mail';
import { memberMayReceiveSql } from './member-mail-rules';
import { type DigestPainPoint, weeklyDigestTemplate } from './templates/weekly-digest';

/** Pain points in one digest. */
const DIGEST_SIZE = 5;
const WEEK_MILLISECONDS = 7 * 86_400_000;

/**
 * The ISO 8601 week of an instant (UTC), `2026-W50`: the digest's once-a-week key.
 *
 * @example
 * isoWeek(new Date('2027-01-01T12:00:00Z')); // '2026-W53'
 */
export function isoWeek(instant: Date): string {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Queues this week's digest for every member who asked for it and has not had it: the most-voted
 * pain points created in the last seven days in the member's digest domains (all when none
 * chosen) and, when their profile has one, their country. Each member's week is claimed by a
 * row (`mail_digest_weeks`, primary key member + week) in the transaction that queues the mail,
 * so two instances, or a run repeated, never queue two digests for one week. A member with
 * nothing new gets no mail, but the week is still taken. Returns how many digests were queued.
 *
 * @example
 * await queueWeeklyDigests(app.db, new Date());
 */
export async function queueWeeklyDigests(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const week = isoWeek(now);
  const since = new Date(now.getTime() - WEEK_MILLISECONDS);
  const members = await db
    .selectFrom('mail_preferences')
    .innerJoin('accounts as account', 'account.id', 'mail_preferences.account_id')
    .innerJoin('stakeholders', 'stakeholders.id', 'account.id')
    .select([
      'account.id as accountId',
      'stakeholders.display_name as displayName',
      'stakeholders.country as country',
      'mail_preferences.digest_domains as domains',
    ])
    .where('mail_preferences.digest', '=', true)
    .where('account.deleted_at', 'is', null)
    .where(() => memberMayReceiveSql('digest'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mail_digest_weeks')
            .select('mail_digest_weeks.account_id')
            .whereRef('mail_digest_weeks.account_id', '=', 'account.id')
            .where('mail_digest_weeks.week', '=', week),
        ),
      ),
    )
    .orderBy('account.id')
    .execute();
  let queued = 0;
  for (const member of members) {
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('mail_digest_weeks')
        .values({ account_id: member.accountId, week })
        .onConflict((conflict) => conflict.columns(['account_id', 'week']).doNothing())
        .returning('account_id')
        .executeTakeFirst();
      if (!claimed) return false;
      let query = trx
        .selectFrom('pain_points')
        .select(['id', 'title', 'domain', 'vote_count', 'city', 'country'])
        .where('created_at', '>=', since)
        .where('created_at', '<', now)
        .where('status', '!=', 'duplicate')
        // Catalogue samples are seed data, not what members reported this week.
        .where('sample', '=', false)
        .orderBy('vote_count', 'desc')
        .orderBy('id')
        .limit(DIGEST_SIZE);
      if (member.domains.length > 0) query = query.where('domain', 'in', member.domains);
      if (member.country) query = query.where('country', '=', member.country);
      const rows = await query.execute();
      if (rows.length === 0) return false;
      const painPoints: DigestPainPoint[] = rows.map((row) => ({
        id: row.id,
        title: row.title as Record<string, string>,
        domain: row.domain,
        votes: row.vote_count,
        city: row.city,
        country: row.country,
      }));
      const mail = await enqueueOptionalMail(trx, {
        template: weeklyDigestTemplate,
        accountId: member.accountId,
        data: { displayName: member.displayName, week, painPoints },
      });
      if (!mail) return false;
      await trx
        .updateTable('mail_digest_weeks')
        .set({ mail_id: mail.id })
        .where('account_id', '=', member.accountId)
        .where('week', '=', week)
        .execute();
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}
