import type { EventSession, Registration } from '@wsc/models';
import type { Kysely, RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import type { EventRow } from '../events/repository';
import { toEvent } from '../events/service';
import { listSessions } from '../events/session-rows';
import { memberMailInsert } from '../mail/enqueue';
import { registrationNoticeTemplates } from '../mail/templates/registration-notices';

/** The registration changes a member is told of. */
export type RegistrationChange = keyof typeof registrationNoticeTemplates;

/**
 * The statement that queues the member's notice of a registration change (with the event's
 * `.ics`), to be written in the transaction that made the change, so the mail is sent if and
 * only if the change commits, and once per change: a promotion is one change, one mail. `row` is
 * the event as the transaction locked it (registrations never write the event row, so it is
 * current): no second read. The programme and the member's display name are read here unless
 * the caller read them already in the same transaction (`known`).
 *
 * @example
 * await recordEvent(trx, { …, alsoWrite: [await registrationNotice(trx, 'promoted', registration, lockedEventRow)] });
 */
export async function registrationNotice(
  db: Kysely<DatabaseSchema>,
  change: RegistrationChange,
  registration: Registration,
  row: EventRow,
  known: { sessions?: EventSession[] | undefined; displayName?: string | null | undefined } = {},
): Promise<RawBuilder<{ id: string }>> {
  // One after another: the statements share the transaction's connection.
  const sessions = known.sessions ?? (await listSessions(db, row));
  const displayName =
    known.displayName !== undefined
      ? known.displayName
      : (
          await db
            .selectFrom('stakeholders')
            .select('display_name')
            .where('id', '=', registration.stakeholderId)
            .executeTakeFirst()
        )?.display_name;
  return memberMailInsert({
    template: registrationNoticeTemplates[change],
    to: { accountId: registration.stakeholderId },
    data: {
      event: toEvent(row),
      sessions,
      calendarStamp: row.updated_at.toISOString(),
      displayName: displayName ?? '',
      waitlistPosition: change === 'waitlisted' ? registration.waitlistPosition : null,
    },
  });
}
