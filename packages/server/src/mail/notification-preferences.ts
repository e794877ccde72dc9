import type { Domain, NotificationPreferences, NotificationPreferencesUpdate } from '@wsc/models';
import { MAIL_KINDS } from '@wsc/models';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { DEFAULT_PREFERENCES, isOptionalKind, type OptionalMailKind } from './member-mail-rules';

type Database = Kysely<DatabaseSchema>;

/** The kinds always sent: every kind that is not optional. */
const ALWAYS_SENT = MAIL_KINDS.filter((kind) => !isOptionalKind(kind));

/**
 * A member's mail preferences (defaults when never set), and whether a partner they came
 * through tells them itself.
 *
 * @example
 * const preferences = await readNotificationPreferences(db, accountId);
 */
export async function readNotificationPreferences(
  db: Database,
  accountId: string,
): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom('mail_preferences')
    .select(['moderation', 'digest', 'digest_domains'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const partner = await db
    .selectFrom('partner_identities')
    .innerJoin('partners', 'partners.id', 'partner_identities.partner_id')
    .select('partners.id')
    .where('partner_identities.account_id', '=', accountId)
    .where('partners.community_mail_suppressed_at', 'is not', null)
    .executeTakeFirst();
  return {
    moderation: row?.moderation ?? DEFAULT_PREFERENCES.moderation,
    digest: row?.digest ?? DEFAULT_PREFERENCES.digest,
    digestDomains: (row?.digest_domains ?? []) as Domain[],
    alwaysSent: [...ALWAYS_SENT],
    partnerInformsYou: partner !== undefined,
  };
}

/**
 * Changes some of a member's preferences (one upsert: two changes at once never lose either).
 *
 * @example
 * await updateNotificationPreferences(db, accountId, { digest: true, digestDomains: ['mobility'] });
 */
export async function updateNotificationPreferences(
  db: Database,
  accountId: string,
  patch: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const changes = {
    ...(patch.moderation === undefined ? {} : { moderation: patch.moderation }),
    ...(patch.digest === undefined ? {} : { digest: patch.digest }),
    ...(patch.digestDomains === undefined
      ? {}
      : { digest_domains: [...new Set(patch.digestDomains)].sort() }),
  };
  await db
    .insertInto('mail_preferences')
    .values({ account_id: accountId, ...changes })
    .onConflict((conflict) =>
      conflict.column('account_id').doUpdateSet({ ...changes, updated_at: sql`now()` }),
    )
    .execute();
  return readNotificationPreferences(db, accountId);
}

/**
 * Turns one optional kind off (the one-click unsubscribe); true when the account exists.
 *
 * @example
 * await turnOffMailKind(db, accountId, 'digest');
 */
export async function turnOffMailKind(
  db: Database,
  accountId: string,
  kind: OptionalMailKind,
): Promise<boolean> {
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!account) return false;
  await updateNotificationPreferences(db, accountId, { [kind]: false });
  return true;
}
