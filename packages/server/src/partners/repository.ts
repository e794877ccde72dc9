import type {
  Partner,
  PartnerKey,
  PartnerKeyCreated,
  PartnerKeyKind,
  PartnerScope,
} from '@wsc/models/partner';
import type { Kysely, Selectable } from 'kysely';
import { generateToken, hashToken } from '../access/tokens';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema, PartnerKeysTable, PartnersTable } from '../database/schema';
import { revokeUserTokens } from '../identity/accounts-repository';

/** Characters of a key kept visible in lists (`pk_live_3fA9`). */
const VISIBLE_PREFIX_LENGTH = 12;

/**
 * The API shape of a partner row.
 *
 * @example
 * toPartner(row).disabled; // false
 */
export function toPartner(row: Selectable<PartnersTable>): Partner {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    disabled: row.disabled_at !== null,
    communityMailSuppressed: row.community_mail_suppressed_at !== null,
    accountPageUrl: row.account_page_url,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The API shape of a key row: never the key, only its visible prefix.
 *
 * @example
 * toPartnerKey(row).prefix; // 'sk_live_Q2x8'
 */
export function toPartnerKey(row: Selectable<PartnerKeysTable>): PartnerKey {
  return {
    id: row.id,
    partnerId: row.partner_id,
    kind: row.kind,
    prefix: row.prefix,
    allowedOrigins: row.allowed_origins,
    scopes: row.scopes as PartnerScope[],
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

/**
 * A partner application, or undefined.
 *
 * @example
 * const partner = await findPartner(db, id);
 */
export async function findPartner(db: Kysely<DatabaseSchema>, id: string): Promise<Partner | undefined> {
  const row = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPartner(row);
}

/**
 * The oldest enabled partner application with exactly this name, or undefined.
 *
 * @example
 * const partner = await findEnabledPartnerByName(db, 'Sample partner (npm start)');
 */
export async function findEnabledPartnerByName(
  db: Kysely<DatabaseSchema>,
  name: string,
): Promise<Partner | undefined> {
  const row = await db
    .selectFrom('partners')
    .selectAll()
    .where('name', '=', name)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row && toPartner(row);
}

/**
 * The partner's keys among `keyIds` (revoked ones too: see `revokedAt`), never their secrets.
 *
 * @example
 * const keys = await findPartnerKeys(db, partnerId, [publishableKeyId, secretKeyId]);
 */
export async function findPartnerKeys(
  db: Kysely<DatabaseSchema>,
  partnerId: string,
  keyIds: readonly string[],
): Promise<PartnerKey[]> {
  if (keyIds.length === 0) return [];
  const rows = await db
    .selectFrom('partner_keys')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('id', 'in', [...keyIds])
    .execute();
  return rows.map(toPartnerKey);
}

/**
 * One page of partner applications, oldest first (keyset on created_at to the microsecond, then
 * id); `limit + 1` rows, each with its `created_at_key`.
 *
 * @example
 * const rows = await listPartners(db, null, 21);
 */
export async function listPartners(
  db: Kysely<DatabaseSchema>,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<(Selectable<PartnersTable> & { created_at_key: string })[]> {
  let query = db
    .selectFrom('partners')
    .selectAll()
    .select(timestampKey('partners.created_at').as('created_at_key'));
  if (after) {
    query = query.where(afterTimestampKey('partners.created_at', 'partners.id', 'asc', after));
  }
  return query.orderBy('partners.created_at').orderBy('partners.id').limit(limit).execute();
}

/**
 * One page of a partner's keys, oldest first (keyset on created_at to the microsecond, then id);
 * `limit + 1` rows, each with its `created_at_key`.
 *
 * @example
 * const rows = await listPartnerKeys(db, partnerId, null, 21);
 */
export async function listPartnerKeys(
  db: Kysely<DatabaseSchema>,
  partnerId: string,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<(Selectable<PartnerKeysTable> & { created_at_key: string })[]> {
  let query = db
    .selectFrom('partner_keys')
    .selectAll()
    .select(timestampKey('partner_keys.created_at').as('created_at_key'))
    .where('partner_keys.partner_id', '=', partnerId);
  if (after) {
    query = query.where(afterTimestampKey('partner_keys.created_at', 'partner_keys.id', 'asc', after));
  }
  return query.orderBy('partner_keys.created_at').orderBy('partner_keys.id').limit(limit).execute();
}

/**
 * Creates a partner application.
 *
 * @example
 * const partner = await createPartnerRecord(db, { name: 'IEC website' });
 */
export async function createPartnerRecord(
  db: Kysely<DatabaseSchema>,
  input: { name: string; organizationId?: string | null },
): Promise<Partner> {
  const row = await db
    .insertInto('partners')
    .values({ name: input.name, organization_id: input.organizationId ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPartner(row);
}

/**
 * Mints a key for a partner. The answer holds the full key; only its sha256 is stored, so it
 * can never be shown again. Rotation = create a new key, deploy it, revoke the old one.
 *
 * @example
 * const { key } = await createPartnerKeyRecord(db, partner.id, { kind: 'publishable', allowedOrigins: ['https://www.iec.ch'], scopes: ['content:read'] });
 */
export async function createPartnerKeyRecord(
  db: Kysely<DatabaseSchema>,
  partnerId: string,
  input: { kind: PartnerKeyKind; allowedOrigins: string[]; scopes: PartnerScope[] },
): Promise<PartnerKeyCreated> {
  const key = generateToken(input.kind);
  const row = await db
    .insertInto('partner_keys')
    .values({
      partner_id: partnerId,
      kind: input.kind,
      token_hash: hashToken(key),
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      // Origins only bind publishable keys; a secret key never comes from a browser at all.
      allowed_origins: input.kind === 'publishable' ? [...new Set(input.allowedOrigins)] : [],
      scopes: [...new Set(input.scopes)],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toPartnerKey(row), key };
}

/**
 * Revokes a key of a partner, and with a secret key the SSO user tokens it issued; false when
 * the partner has no such key (or it is revoked already). A token being issued meanwhile waits
 * for this transaction (`lockLiveSecretKey`), so none outlives the key.
 *
 * @example
 * if (!(await revokePartnerKey(db, partnerId, keyId))) throw problem('not-found', { detail: 'Key not found.' });
 */
export async function revokePartnerKey(
  db: Kysely<DatabaseSchema>,
  partnerId: string,
  keyId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('partner_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', keyId)
    .where('partner_id', '=', partnerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await revokeUserTokens(db, { partnerKeyId: keyId });
  return true;
}

/**
 * Renames a partner or disables (enables) it, in the caller's transaction, the partner's row
 * locked first; null for an unknown partner. Disabling revokes the SSO user tokens the partner's
 * keys issued (its keys, origins and webhook endpoints are refused wherever they are read, since
 * every lookup joins the partner); enabling again brings the keys back, not those tokens.
 *
 * @example
 * const change = await updatePartnerRecord(trx, id, { disabled: true });
 * change?.after.disabled; // true
 */
export async function updatePartnerRecord(
  db: Kysely<DatabaseSchema>,
  id: string,
  input: {
    name?: string | undefined;
    disabled?: boolean | undefined;
    communityMailSuppressed?: boolean | undefined;
    /** Checked by the caller (`assertAccountPage`); null clears it. */
    accountPageUrl?: string | null | undefined;
  },
): Promise<{ before: Partner; after: Partner } | null> {
  const current = await db
    .selectFrom('partners')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return null;
  const disabledAt =
    input.disabled === undefined
      ? current.disabled_at
      : input.disabled
        ? (current.disabled_at ?? new Date())
        : null;
  const suppressedAt =
    input.communityMailSuppressed === undefined
      ? current.community_mail_suppressed_at
      : input.communityMailSuppressed
        ? (current.community_mail_suppressed_at ?? new Date())
        : null;
  const updated = await db
    .updateTable('partners')
    .set({
      name: input.name ?? current.name,
      disabled_at: disabledAt,
      community_mail_suppressed_at: suppressedAt,
      account_page_url: input.accountPageUrl === undefined ? current.account_page_url : input.accountPageUrl,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.disabled === true) await revokeUserTokens(db, { partnerId: id });
  return { before: toPartner(current), after: toPartner(updated) };
}
