import type { Me, MeExport, MeUpdate } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { PrincipalAccount } from '../access/principal';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { commentView, reportView } from '../discussion/view';
import { domainError } from '../errors/domain-error';
import { toAccount, toStakeholder } from '../identity/accounts-repository';
import { authorizeEmailChange, changeEmail } from '../identity/email-change';
import { emailTakenOr } from '../identity/join';
import { forgetMemberMail } from '../mail/forget-member';
import { forgetAccountInOutbox } from '../outbox/forget-account';
import { painPointRecord } from '../pain-points/view';
import { releaseUpcomingRegistrations } from '../registrations/service';
import { toRegistration } from '../registrations/view';
import { standardMappingView } from '../standards/view';
import { anonymizeAccount, collectMemberData, findMe, updateMe } from './repository';

type Database = Kysely<DatabaseSchema>;

function signedIn(actor: Actor): PrincipalAccount {
  if (!actor.account) throw domainError('authentication-required');
  return actor.account;
}

/**
 * The signed-in member's private account and public profile.
 *
 * @example
 * const me = await getMe(db, actor);
 */
export async function getMe(db: Database, actor: Actor): Promise<Me> {
  const account = signedIn(actor);
  const found = await findMe(db, account.id);
  if (!found) throw domainError('not-found', { detail: 'Account not found.' });
  return { account: toAccount(found.account), profile: toStakeholder(found.profile) };
}

/**
 * Changes the member's own profile, language and address (never their organization: see the
 * membership routes). A new address needs the account's current password (checked before
 * anything is written); it is unconfirmed until the mailed link is used; the old one is told.
 *
 * @example
 * await patchMe(db, actor, { city: 'Singapore', language: 'zh' });
 * await patchMe(db, actor, { email: 'new@example.org', currentPassword: 'correct horse battery staple' });
 */
export async function patchMe(db: Database, actor: Actor, input: MeUpdate): Promise<Me> {
  const account = signedIn(actor);
  const now = new Date();
  const { email, currentPassword } = input;
  const verifiedPasswordHash =
    email === undefined ? null : await authorizeEmailChange(db, account.id, { email, currentPassword, now });
  try {
    await db.transaction().execute(async (trx) => {
      await updateMe(trx, account.id, input);
      if (email !== undefined) {
        await changeEmail(trx, account.id, email, { now, requestId: actor.requestId, verifiedPasswordHash });
      }
    });
  } catch (error) {
    throw emailTakenOr(error);
  }
  return getMe(db, actor);
}

/**
 * Everything the platform holds about the member, as one JSON document.
 *
 * @example
 * const data = await exportMe(db, actor);
 */
export async function exportMe(db: Database, actor: Actor): Promise<MeExport> {
  const me = await getMe(db, actor);
  const data = await collectMemberData(db, me.account.id);
  return {
    exportedAt: new Date().toISOString(),
    account: me.account,
    profile: me.profile,
    // Every language of the member's text; the export's schema keeps the fields it lists.
    painPoints: data.painPoints.map(painPointRecord),
    votes: data.votes.map((row) => ({
      painPointId: row.pain_point_id,
      partnerId: row.partner_id,
      createdAt: row.created_at.toISOString(),
    })),
    // The member's own words, hidden or not: it is their data.
    comments: data.comments.map((row) => commentView(row, true)),
    reports: data.reports.map(reportView),
    standardMappings: data.mappings.map((row) => standardMappingView(row, true)),
    registrations: data.registrations.map(toRegistration),
    partners: data.partners,
  };
}

/**
 * Deletes the member's account: content stays, anonymized, in the API and in the stored events
 * that replays and webhook deliveries read; every token is revoked; recorded in the audit log
 * without personal data.
 *
 * @example
 * await deleteMe(db, actor);
 */
export async function deleteMe(db: Database, actor: Actor): Promise<void> {
  const account = signedIn(actor);
  await db.transaction().execute(async (trx) => {
    // Seats first (events locked before any row anonymizeAccount touches): nobody waits in line
    // behind a deleted member.
    await releaseUpcomingRegistrations(trx, actor);
    // After the seats (their cancellations are scrubbed too), before the content forgets its author.
    await forgetAccountInOutbox(trx, account.id);
    await anonymizeAccount(trx, account.id);
    await forgetMemberMail(trx, account.id);
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: 'account.deleted',
      subjectType: 'account',
      subjectId: account.id,
    });
  });
}
