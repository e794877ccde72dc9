import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { usableKey } from '../database/usable-key';
import { domainError } from '../errors/domain-error';

type Database = Kysely<DatabaseSchema>;

/** `https://www.iec.ch`, from an origin or a URL written any way (`HTTPS://WWW.IEC.CH:443/x`); null if unreadable. */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origins the partners' usable publishable keys (not revoked, not expired, partner enabled)
 * are bound to, by partner: the sites where each partner embeds the widgets at `now`.
 */
async function embeddingOrigins(
  db: Database,
  partnerIds: readonly string[],
  now: Date,
): Promise<Map<string, Set<string>>> {
  const origins = new Map<string, Set<string>>();
  if (partnerIds.length === 0) return origins;
  const keys = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select(['partner_keys.partner_id', 'partner_keys.allowed_origins'])
    .where('partner_keys.partner_id', 'in', [...partnerIds])
    .where('partner_keys.kind', '=', 'publishable')
    .where(usableKey(now))
    .execute();
  for (const key of keys) {
    const known = origins.get(key.partner_id) ?? new Set<string>();
    for (const allowed of key.allowed_origins) {
      const origin = originOf(allowed);
      if (origin) known.add(origin);
    }
    origins.set(key.partner_id, known);
  }
  return origins;
}

/**
 * Refuses (422 naming `path`) an account page whose origin is not one the partner's usable
 * publishable keys are bound to: a partner sends its members only to a page where it embeds the
 * widgets, never to someone else's site. The URL's shape (https, or http on localhost) is checked
 * by `AccountPageUrlSchema` already.
 *
 * @example
 * await assertAccountPage(trx, partnerId, 'https://www.iec.ch/community', 'url');
 */
export async function assertAccountPage(
  db: Database,
  partnerId: string,
  url: string,
  path: string,
): Promise<void> {
  const origin = originOf(url);
  const allowed = (await embeddingOrigins(db, [partnerId], new Date())).get(partnerId) ?? new Set();
  if (origin && allowed.has(origin)) return;
  const message = `${origin ?? url} is not an allowed origin of any of your publishable keys`;
  throw domainError('validation-failed', {
    detail: `${message}: the account page must be on a site where you embed the widgets with a publishable key (${[...allowed].join(', ') || 'you have none'}).`,
    errors: [{ path, message, code: 'foreign_origin' }],
  });
}

/**
 * The account page of the partner a member came through, as it holds at `now`, or null (the
 * community's own pages then). The partners considered, in order: the one the account was
 * created through (its sign-up's key, or its single sign-on), then those that sign it in, oldest
 * link first. Each as the platform recorded it, never as the member or a request says. A partner
 * counts while it is enabled and its page's origin is still one its usable publishable keys are
 * bound to (a revoked key takes its origin's page with it).
 *
 * @example
 * const page = await accountPageOf(trx, accountId, new Date()); // 'https://www.iec.ch/community' | null
 */
export async function accountPageOf(db: Database, accountId: string, now: Date): Promise<string | null> {
  const result = await sql<{ id: string; account_page_url: string }>`
    select partner.id, partner.account_page_url
    from (
      select partner_id, 0 as rank, null::timestamptz as linked_at from stakeholders where id = ${accountId}
      union all
      select partner_id, 1, created_at from partner_identities where account_id = ${accountId}
    ) came_through
    join partners partner on partner.id = came_through.partner_id
    where partner.disabled_at is null and partner.account_page_url is not null
    order by came_through.rank, came_through.linked_at
  `.execute(db);
  const candidates = result.rows;
  if (candidates.length === 0) return null;
  const origins = await embeddingOrigins(
    db,
    candidates.map((candidate) => candidate.id),
    now,
  );
  const usable = candidates.find((candidate) => {
    const origin = originOf(candidate.account_page_url);
    return origin !== null && (origins.get(candidate.id)?.has(origin) ?? false);
  });
  return usable?.account_page_url ?? null;
}
