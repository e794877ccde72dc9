import type { Page } from '@wsc/models';
import type {
  Partner,
  PartnerCreate,
  PartnerKey,
  PartnerKeyCreate,
  PartnerKeyCreated,
  PartnerUpdate,
} from '@wsc/models/partner';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { assertAccountPage } from '../mail/account-page';
import {
  createPartnerKeyRecord,
  createPartnerRecord,
  findPartner,
  listPartnerKeys,
  listPartners,
  revokePartnerKey,
  toPartner,
  toPartnerKey,
  updatePartnerRecord,
} from './repository';

type Database = Kysely<DatabaseSchema>;

/** The admin administering partners: their account and the request, for the audit log. */
export interface PartnerAdministrator {
  accountId: string;
  requestId: string;
}

/** A page of a list: `cursor` from the previous page's `nextCursor`. */
export interface PartnerListParams {
  limit: number;
  cursor?: string | undefined;
}

async function requirePartner(db: Database, id: string): Promise<Partner> {
  const partner = await findPartner(db, id);
  if (!partner) throw domainError('not-found', { detail: 'Partner not found.' });
  return partner;
}

/**
 * A page of partner applications, oldest first.
 *
 * @example
 * const page = await listPartnerPage(db, { limit: 20 });
 */
export function listPartnerPage(db: Database, params: PartnerListParams): Promise<Page<Partner>> {
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'partners',
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listPartners(db, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: toPartner,
  });
}

/**
 * One partner application; 404 for an unknown id.
 *
 * @example
 * const partner = await readPartner(db, id);
 */
export function readPartner(db: Database, id: string): Promise<Partner> {
  return requirePartner(db, id);
}

/**
 * Creates a partner application and audits it, in one transaction.
 *
 * @example
 * const partner = await createPartner(db, admin, { name: 'IEC website' });
 */
export function createPartner(
  db: Database,
  admin: PartnerAdministrator,
  input: PartnerCreate,
): Promise<Partner> {
  return db.transaction().execute(async (trx) => {
    const created = await createPartnerRecord(trx, input);
    await recordAudit(trx, {
      actorId: admin.accountId,
      action: 'partner.created',
      subjectType: 'partner',
      subjectId: created.id,
      data: { name: created.name },
      requestId: admin.requestId,
    });
    return created;
  });
}

/**
 * Renames, disables (enables) a partner or stops community mail to its single-sign-on members,
 * and audits each field's change, in one transaction; 404 for an unknown partner.
 *
 * @example
 * const partner = await updatePartner(db, admin, id, { disabled: true });
 */
export async function updatePartner(
  db: Database,
  admin: PartnerAdministrator,
  id: string,
  input: PartnerUpdate,
): Promise<Partner> {
  const { accountPageUrl } = input;
  // An unknown partner is 404 before its page is judged (outside the transaction: the embedded
  // database has one connection).
  if (typeof accountPageUrl === 'string') await requirePartner(db, id);
  return db.transaction().execute(async (trx) => {
    if (typeof accountPageUrl === 'string')
      await assertAccountPage(trx, id, accountPageUrl, 'accountPageUrl');
    const change = await updatePartnerRecord(trx, id, input);
    if (!change) throw domainError('not-found', { detail: 'Partner not found.' });
    await recordAudit(trx, {
      actorId: admin.accountId,
      action: 'partner.updated',
      subjectType: 'partner',
      subjectId: change.after.id,
      data: {
        name: { from: change.before.name, to: change.after.name },
        disabled: { from: change.before.disabled, to: change.after.disabled },
        ...(input.communityMailSuppressed === undefined
          ? {}
          : {
              communityMailSuppressed: {
                from: change.before.communityMailSuppressed,
                to: change.after.communityMailSuppressed,
              },
            }),
        ...(accountPageUrl === undefined
          ? {}
          : { accountPageUrl: { from: change.before.accountPageUrl, to: change.after.accountPageUrl } }),
      },
      requestId: admin.requestId,
    });
    return change.after;
  });
}

/**
 * A page of a partner's keys (never their secrets), oldest first; 404 for an unknown partner.
 *
 * @example
 * const page = await listPartnerKeyPage(db, partnerId, { limit: 20 });
 */
export async function listPartnerKeyPage(
  db: Database,
  partnerId: string,
  params: PartnerListParams,
): Promise<Page<PartnerKey>> {
  await requirePartner(db, partnerId);
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'partner-keys',
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listPartnerKeys(db, partnerId, after, count),
    keysOf: (row) => [row.created_at_key, row.id],
    toItem: toPartnerKey,
  });
}

/**
 * Mints a key for a partner and audits it, in one transaction; the answer holds the key, shown
 * once. 404 for an unknown partner.
 *
 * @example
 * const { key } = await createPartnerKey(db, admin, partnerId, { kind: 'secret', allowedOrigins: [], scopes: ['sso'] });
 */
export async function createPartnerKey(
  db: Database,
  admin: PartnerAdministrator,
  partnerId: string,
  input: PartnerKeyCreate,
): Promise<PartnerKeyCreated> {
  await requirePartner(db, partnerId);
  return db.transaction().execute(async (trx) => {
    const key = await createPartnerKeyRecord(trx, partnerId, input);
    await recordAudit(trx, {
      actorId: admin.accountId,
      action: 'partner_key.created',
      subjectType: 'partner_key',
      subjectId: key.id,
      data: {
        partnerId: key.partnerId,
        kind: key.kind,
        scopes: key.scopes,
        allowedOrigins: key.allowedOrigins,
      },
      requestId: admin.requestId,
    });
    return key;
  });
}

/**
 * Revokes a partner's key at once (with the SSO user tokens it issued) and audits it, in one
 * transaction; 404 when the partner has no active key with that id.
 *
 * @example
 * await revokeKey(db, admin, partnerId, keyId);
 */
export async function revokeKey(
  db: Database,
  admin: PartnerAdministrator,
  partnerId: string,
  keyId: string,
): Promise<void> {
  const revoked = await db.transaction().execute(async (trx) => {
    const done = await revokePartnerKey(trx, partnerId, keyId);
    if (done) {
      await recordAudit(trx, {
        actorId: admin.accountId,
        action: 'partner_key.revoked',
        subjectType: 'partner_key',
        subjectId: keyId,
        data: { partnerId },
        requestId: admin.requestId,
      });
    }
    return done;
  });
  if (!revoked) throw domainError('not-found', { detail: 'This partner has no active key with that id.' });
}
