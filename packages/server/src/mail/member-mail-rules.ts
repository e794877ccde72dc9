import { type RawBuilder, sql } from 'kysely';
import type { MailKind } from './template-registry';

/**
 * Kinds of mail a member may turn off (and that carry a one-click unsubscribe link). The
 * others are transactional: account mail (confirmation, password reset, address change) and
 * the notices of the member's own registrations (confirmed, waitlisted, promoted, cancelled,
 * the event's time or place changed) are what the member asked for by acting.
 */
export const OPTIONAL_MAIL_KINDS = ['moderation', 'digest'] as const;
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

/** Defaults of a member with no stored preferences: moderation notices on, digest opt-in. */
export const DEFAULT_PREFERENCES: Record<OptionalMailKind, boolean> = { moderation: true, digest: false };

export function isOptionalKind(kind: MailKind): kind is OptionalMailKind {
  return (OPTIONAL_MAIL_KINDS as readonly string[]).includes(kind);
}

/**
 * The SQL condition (on an `accounts` row aliased `account`) under which a member gets a mail of
 * this kind:
 * - a member who came through the single sign-on of a partner that tells its members itself
 *   gets no community mail; account mail still goes when the member has a community password
 *   (they sign in with it, so they need its reset and confirmation); an SSO-only member gets
 *   none (the partner's own sign-in is how they reach the community);
 * - an optional kind goes only if the member has it on (defaults: {@link DEFAULT_PREFERENCES}).
 *
 * @example
 * sql`select … from accounts account where ${memberMayReceiveSql('digest')}`
 */
export function memberMayReceiveSql(kind: MailKind): RawBuilder<boolean> {
  const partnerRule = sql`not exists (
    select 1 from partner_identities identity
    join partners partner on partner.id = identity.partner_id
    where identity.account_id = account.id
      and partner.community_mail_suppressed_at is not null
      and (${kind} <> 'account' or account.password_hash is null)
  )`;
  if (!isOptionalKind(kind)) return sql<boolean>`(${partnerRule})`;
  const column = sql.ref(`preferences.${kind}`);
  return sql<boolean>`(${partnerRule} and coalesce(
    (select ${column} from mail_preferences preferences where preferences.account_id = account.id),
    ${DEFAULT_PREFERENCES[kind]}
  ))`;
}
