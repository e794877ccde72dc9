import type { Kysely } from 'kysely';
import type { Principal } from '../access/principal';
import type { DatabaseSchema } from '../database/schema';
import { PUBLIC_VIEWER, type Viewer } from '../outbox/audience';

/**
 * What a request may read on the stream: the member (roles, organization for organiser
 * events) and, for a secret key only, the partner.
 *
 * @example
 * const viewer = await viewerOf(app.db, request.principal);
 */
export async function viewerOf(db: Kysely<DatabaseSchema>, principal: Principal): Promise<Viewer> {
  const account = principal.account;
  const partnerId = principal.partner?.keyKind === 'secret' ? principal.partner.id : null;
  if (!account && !partnerId) return PUBLIC_VIEWER;
  let organizationId: string | null = null;
  if (account) {
    const row = await db
      .selectFrom('stakeholders')
      .select('organization_id')
      .where('id', '=', account.stakeholderId)
      .executeTakeFirst();
    organizationId = row?.organization_id ?? null;
  } else if (partnerId) {
    const row = await db
      .selectFrom('partners')
      .select('organization_id')
      .where('id', '=', partnerId)
      .executeTakeFirst();
    organizationId = row?.organization_id ?? null;
  }
  return { accountId: account?.id ?? null, roles: account?.roles ?? [], organizationId, partnerId };
}
