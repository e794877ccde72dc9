import type { EligibilityBasis, EligibilityClaim, EligibilityDecision, Event } from '@wsc/models';
import { decideEligibility, type EligibilityFacts } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { PrincipalAccount } from '../access/principal';
import { toLocalIso } from '../calendar/time-zone';
import type { DatabaseSchema } from '../database/schema';
import { codeHint, hashCode } from '../invitations/codes';

type Database = Kysely<DatabaseSchema>;

/** The verified facts, why each claimed basis failed, and what registering would redeem. */
export interface VerifiedClaim {
  facts: EligibilityFacts;
  /** Precise reasons for the claimed bases that failed (the rule's own words are generic). */
  failures: Partial<Record<EligibilityBasis, string>>;
  invitationCodeHash: string | null;
  coLocated: { code: string; referenceHash: string } | null;
}

async function verifyMembership(
  db: Database,
  event: Event,
  account: PrincipalAccount | null,
  membership: NonNullable<EligibilityClaim['membership']>,
): Promise<string | null> {
  if (account) {
    const organization = await db
      .selectFrom('stakeholders')
      .innerJoin('organizations', 'organizations.id', 'stakeholders.organization_id')
      .select('organizations.memberships')
      .where('stakeholders.id', '=', account.stakeholderId)
      .executeTakeFirst();
    if (organization?.memberships.includes(membership.body)) return null;
  }
  if (membership.code) {
    const found = await db
      .selectFrom('membership_codes')
      .select('hint')
      .where('event_id', '=', event.id)
      .where('body', '=', membership.body)
      .where('code_hash', '=', hashCode(membership.code))
      .executeTakeFirst();
    if (found) return null;
    return `The ${membership.body} member code ${codeHint(membership.code)} is not on the ${membership.body} member list of this event`;
  }
  return account
    ? `Your organization is not an ${membership.body} member: give your ${membership.body} member code`
    : `Sign in with a profile whose organization is an ${membership.body} member, or give your ${membership.body} member code`;
}

async function verifyInvitation(db: Database, event: Event, code: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('invitation_codes')
    .select(['max_uses', 'use_count', 'expires_at', 'issued_by'])
    .where('event_id', '=', event.id)
    .where('code_hash', '=', hashCode(code))
    .executeTakeFirst();
  const hint = codeHint(code);
  if (!row) return `The invitation code ${hint} was not issued for this event`;
  if (row.expires_at && row.expires_at <= now) {
    return `The invitation code ${hint} expired on ${toLocalIso(row.expires_at, event.timeZone)}`;
  }
  if (row.use_count >= row.max_uses) {
    return `The invitation code ${hint} has reached its use limit (${row.use_count} of ${row.max_uses} ${row.max_uses === 1 ? 'use' : 'uses'})`;
  }
  return null;
}

async function verifyCoLocated(
  db: Database,
  event: Event,
  account: PrincipalAccount | null,
  registration: NonNullable<EligibilityClaim['coLocatedRegistration']>,
): Promise<{ failure: string | null; code: string | null }> {
  const coLocated = event.coLocatedEvents.find(
    (candidate) => candidate.code.toLowerCase() === registration.eventCode.toLowerCase(),
  );
  if (!coLocated) {
    const known = event.coLocatedEvents.map((candidate) => candidate.code).join(', ') || 'none';
    return {
      failure: `${registration.eventCode} is not held alongside this event (co-located events: ${known})`,
      code: null,
    };
  }
  const row = await db
    .selectFrom('co_located_registrants')
    .select('claimed_by')
    .where('event_id', '=', event.id)
    .where('co_located_code', '=', coLocated.code)
    .where('reference_hash', '=', hashCode(registration.reference))
    .executeTakeFirst();
  const hint = codeHint(registration.reference);
  if (!row) {
    return {
      failure: `No ${coLocated.name} registration has the reference ${hint} in the list its organisers provided`,
      code: coLocated.code,
    };
  }
  if (row.claimed_by && row.claimed_by !== account?.id) {
    return {
      failure: `The ${coLocated.name} reference ${hint} is already used by another community account`,
      code: coLocated.code,
    };
  }
  return { failure: null, code: coLocated.code };
}

/**
 * Checks every part of a claim against the database: the session, the member's organization or
 * the imported member codes, the invitation codes and the co-located registrant lists.
 *
 * @example
 * const verified = await verifyClaim(db, event, request.principal.account, { invitationCode: 'ITU-2016-0042' });
 */
export async function verifyClaim(
  db: Database,
  event: Event,
  account: PrincipalAccount | null,
  claim: EligibilityClaim,
  now = new Date(),
): Promise<VerifiedClaim> {
  const failures: VerifiedClaim['failures'] = {};
  let membershipVerified = false;
  if (claim.membership) {
    const failure = await verifyMembership(db, event, account, claim.membership);
    if (failure) failures['standards-body-member'] = failure;
    else membershipVerified = true;
  }
  let invitationValid = false;
  if (claim.invitationCode) {
    const failure = await verifyInvitation(db, event, claim.invitationCode, now);
    if (failure) failures.invited = failure;
    else invitationValid = true;
  }
  let coLocated: VerifiedClaim['coLocated'] = null;
  if (claim.coLocatedRegistration) {
    const outcome = await verifyCoLocated(db, event, account, claim.coLocatedRegistration);
    if (outcome.failure) failures['co-located-registrant'] = outcome.failure;
    else if (outcome.code) {
      coLocated = { code: outcome.code, referenceHash: hashCode(claim.coLocatedRegistration.reference) };
    }
  }
  const joiningNow = account === null && claim.joiningNow === true;
  if (claim.communityMember && !account && !joiningNow) {
    failures['community-member'] =
      'You are not signed in to a community account (sign in, or join with this registration)';
  }
  return {
    facts: {
      signedInMember: account !== null,
      joiningNow,
      membershipVerified,
      invitationValid,
      coLocatedReferenceVerified: coLocated !== null,
    },
    failures,
    invitationCodeHash: invitationValid && claim.invitationCode ? hashCode(claim.invitationCode) : null,
    coLocated,
  };
}

/**
 * Decides free attendance with the rule of @wsc/models from verified facts; when no basis
 * grants it, the reason names each failed claim precisely (a code past its use limit, a
 * reference not on the imported list) rather than the rule's generic words.
 *
 * @example
 * const decision = await decideForClaim(db, event, account, claim);
 */
export async function decideForClaim(
  db: Database,
  event: Event,
  account: PrincipalAccount | null,
  claim: EligibilityClaim,
  now = new Date(),
): Promise<{ decision: EligibilityDecision; verified: VerifiedClaim }> {
  const verified = await verifyClaim(db, event, account, claim, now);
  const decision = decideEligibility(event, claim, verified.facts);
  if (!decision.eligible) {
    const precise = event.freeAttendance
      // A basis this version does not know has no failure recorded: the lookup gives undefined.
      .map((basis) => verified.failures[basis as EligibilityBasis])
      .filter((failure): failure is string => Boolean(failure));
    if (precise.length > 0) decision.reason = precise.join('; ');
  }
  return { decision, verified };
}
