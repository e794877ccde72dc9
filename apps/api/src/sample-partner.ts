// The sample partner `npm start` gives the sample apps: one partner, a publishable key bound to the
// apps' origins and a secret key, created on the first start and kept in a file of the data folder
// (keys are stored hashed: the file is the only place their text lives). Later starts reuse them
// while they still hold; a lost or stale file gets fresh keys and the old ones are revoked. Its
// account page is the partner site's page, so account mail to those who join there leads back to it.
import { readFile, writeFile } from 'node:fs/promises';
import { PARTNER_SCOPES } from '@wsc/models/partner';
import {
  createPartnerKeyRecord,
  createPartnerRecord,
  type Database,
  findEnabledPartnerByName,
  findPartner,
  findPartnerKeys,
  recordAudit,
  revokePartnerKey,
  updatePartnerRecord,
} from '@wsc/server/admin';

export const SAMPLE_PARTNER_NAME = 'Sample partner (npm start)';

/** What the file holds and the sample apps read. */
export interface SamplePartner {
  partnerId: string;
  /** `pk_…`: public, bound to `origins`. */
  publishableKey: { id: string; key: string };
  /** `sk_…`: every scope (SSO, webhooks, stats, export). Keep it out of pages. */
  secretKey: { id: string; key: string };
  origins: string[];
}

type Db = Database['db'];

const AUDIT = { via: 'npm start' };

async function readKnown(file: string): Promise<SamplePartner | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SamplePartner;
  } catch {
    return undefined;
  }
}

/** True when the file's partner is enabled and both its keys are live, the publishable one for exactly `origins`. */
async function stillHolds(db: Db, known: SamplePartner, origins: string[]): Promise<boolean> {
  const partner = await findPartner(db, known.partnerId);
  if (!partner || partner.disabled) return false;
  const keys = (
    await findPartnerKeys(db, known.partnerId, [known.publishableKey.id, known.secretKey.id])
  ).filter((key) => key.revokedAt === null);
  const publishable = keys.find((key) => key.id === known.publishableKey.id && key.kind === 'publishable');
  const secret = keys.find((key) => key.id === known.secretKey.id && key.kind === 'secret');
  const sameOrigins =
    publishable !== undefined &&
    publishable.allowedOrigins.length === origins.length &&
    origins.every((origin) => publishable.allowedOrigins.includes(origin));
  return sameOrigins && secret !== undefined;
}

/**
 * Makes `accountPage` (a page on one of the publishable key's origins, or null) the partner's
 * account page, where confirmation and password-reset mail to the members who joined through the
 * sample apps leads; audited when it changes.
 */
async function keepAccountPage(db: Db, partnerId: string, accountPage: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await updatePartnerRecord(trx, partnerId, { accountPageUrl: accountPage });
    if (!change || change.before.accountPageUrl === change.after.accountPageUrl) return;
    await recordAudit(trx, {
      actorId: null,
      partnerId,
      action: 'partner.account_page_changed',
      subjectType: 'partner',
      subjectId: partnerId,
      data: {
        ...AUDIT,
        accountPageUrl: { from: change.before.accountPageUrl, to: change.after.accountPageUrl },
      },
    });
  });
}

/**
 * Returns the sample partner's keys, creating the partner and keys when the file does not name
 * live ones, and writes the file (mode 0600); names `accountPage` (the partner site's page, on one
 * of `origins`) the partner's account page. Safe to call on every start.
 *
 * @example
 * const { partner, created } = await ensureSamplePartner(app.database.db, '.data/sample-partner.json', ['http://localhost:5173'], 'http://localhost:5173/');
 */
export async function ensureSamplePartner(
  db: Db,
  file: string,
  origins: string[],
  accountPage: string | null = null,
): Promise<{ partner: SamplePartner; created: boolean }> {
  const known = await readKnown(file);
  if (known && (await stillHolds(db, known, origins))) {
    await keepAccountPage(db, known.partnerId, accountPage);
    return { partner: known, created: false };
  }

  const partner = await db.transaction().execute(async (trx) => {
    const existing = await findEnabledPartnerByName(trx, SAMPLE_PARTNER_NAME);
    const partnerId = existing?.id ?? (await createPartnerRecord(trx, { name: SAMPLE_PARTNER_NAME })).id;
    if (!existing) {
      await recordAudit(trx, {
        actorId: null,
        action: 'partner.created',
        subjectType: 'partner',
        subjectId: partnerId,
        data: { ...AUDIT, name: SAMPLE_PARTNER_NAME },
      });
    }
    // The keys the lost or stale file named stop working: nobody else has their text.
    for (const key of known?.partnerId === partnerId ? [known.publishableKey, known.secretKey] : []) {
      await revokePartnerKey(trx, partnerId, key.id);
    }
    const publishable = await createPartnerKeyRecord(trx, partnerId, {
      kind: 'publishable',
      allowedOrigins: origins,
      scopes: ['content:read', 'content:write'],
    });
    const secret = await createPartnerKeyRecord(trx, partnerId, {
      kind: 'secret',
      allowedOrigins: [],
      scopes: [...PARTNER_SCOPES],
    });
    for (const key of [publishable, secret]) {
      await recordAudit(trx, {
        actorId: null,
        partnerId,
        action: 'partner_key.created',
        subjectType: 'partner_key',
        subjectId: key.id,
        data: { ...AUDIT, kind: key.kind, scopes: key.scopes, allowedOrigins: key.allowedOrigins },
      });
    }
    return {
      partnerId,
      publishableKey: { id: publishable.id, key: publishable.key },
      secretKey: { id: secret.id, key: secret.key },
      origins,
    };
  });
  await writeFile(file, `${JSON.stringify(partner, null, 2)}\n`, { mode: 0o600 });
  await keepAccountPage(db, partner.partnerId, accountPage);
  return { partner, created: true };
}
