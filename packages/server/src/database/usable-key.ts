import { type RawBuilder, sql } from 'kysely';

// Below every folder that looks a partner key up (HTTP's CORS, the principal, live streams,
// partners, SSO): they all refuse the same keys, and none of them imports another for it.

/**
 * "This key may be used at `now`": not revoked, not expired, and its partner not disabled. For
 * queries joining `partner_keys` and `partners`: every key lookup (requests, CORS preflights, SSO
 * sign-ins, open live streams) takes it, so they all refuse the same keys.
 *
 * @example
 * db.selectFrom('partner_keys').innerJoin('partners', 'partners.id', 'partner_keys.partner_id').where(usableKey(new Date()));
 */
export function usableKey(now: Date): RawBuilder<boolean> {
  return sql<boolean>`(partner_keys.revoked_at is null
    and (partner_keys.expires_at is null or partner_keys.expires_at > ${now})
    and partners.disabled_at is null)`;
}
