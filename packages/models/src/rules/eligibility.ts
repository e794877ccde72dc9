import type { EligibilityClaim, EligibilityDecision } from '../eligibility';
import { ELIGIBILITY_BASES, type EligibilityBasis } from '../enums';
import type { Event } from '../event';
import { isKnownValue } from '../open-enum';

/** What the server verified about a claim; the rule itself does no I/O. */
export interface EligibilityFacts {
  /** The request carries a valid session of a community account. */
  signedInMember: boolean;
  /**
   * Signed out, and joining the community in this same step: the registration carries sign-up
   * details (`join`), or the eligibility check says it will (`joiningNow`).
   */
  joiningNow: boolean;
  /** The claimed IEC / ISO / ITU membership was checked and holds. */
  membershipVerified: boolean;
  /** The invitation code exists, is unused and was issued by IEC, ISO or ITU for this event. */
  invitationValid: boolean;
  /** The co-located event confirmed the registration reference. */
  coLocatedReferenceVerified: boolean;
}

/** The parts of an event the rule reads. */
export type EligibilityEvent = Pick<Event, 'freeAttendance' | 'coLocatedEvents'>;

const HOW_TO_JOIN =
  'Join the World Smart City Community (free): sign in, or send your sign-up details as `join` with the registration to join and register in one step. Community members attend for free.';

/**
 * Checks one basis: `null` when it grants, otherwise why not (or `undefined` when not claimed).
 * Claims are checked in the order of ELIGIBILITY_BASES, so the answer is stable.
 */
function checkBasis(
  basis: EligibilityBasis,
  event: EligibilityEvent,
  claim: EligibilityClaim,
  facts: EligibilityFacts,
): string | null | undefined {
  switch (basis) {
    case 'community-member':
      if (facts.signedInMember || facts.joiningNow) return null;
      return claim.communityMember ? 'You are not signed in to a community account' : undefined;
    case 'standards-body-member':
      if (!claim.membership) return undefined;
      return facts.membershipVerified
        ? null
        : `Your ${claim.membership.body} membership could not be verified`;
    case 'invited':
      if (!claim.invitationCode) return undefined;
      return facts.invitationValid ? null : 'The invitation code is not valid for this event';
    case 'co-located-registrant': {
      const registration = claim.coLocatedRegistration;
      if (!registration) return undefined;
      const known = event.coLocatedEvents.some(
        (coLocated) => coLocated.code.toLowerCase() === registration.eventCode.toLowerCase(),
      );
      if (!known) return `${registration.eventCode} is not held alongside this event`;
      return facts.coLocatedReferenceVerified
        ? null
        : `Your ${registration.eventCode} registration reference could not be verified`;
    }
  }
}

/**
 * Decides free attendance: community members, IEC/ISO/ITU members, people they invite, and
 * registrants of a co-located event (World Cities Summit, Singapore International Water Week)
 * attend for free when the event offers that basis. Returns the granting basis, or every
 * reason none applied and how to become eligible.
 *
 * @example
 * decideEligibility(forum, { invitationCode: 'ITU-2016-0042' }, {
 *   signedInMember: false, membershipVerified: false, invitationValid: true, coLocatedReferenceVerified: false,
 * }); // { eligible: true, basis: 'invited', reason: '…', howToBecomeEligible: null }
 */
export function decideEligibility(
  event: EligibilityEvent,
  claim: EligibilityClaim,
  facts: EligibilityFacts,
): EligibilityDecision {
  const failures: string[] = [];
  for (const basis of event.freeAttendance) {
    // A basis added by a newer version cannot be checked here: it grants nothing.
    if (!isKnownValue(ELIGIBILITY_BASES, basis)) continue;
    const outcome = checkBasis(basis, event, claim, facts);
    if (outcome === null) {
      const joining = basis === 'community-member' && !facts.signedInMember;
      return {
        eligible: true,
        basis,
        reason: joining
          ? 'Free attendance granted: community-member (joining the community with this registration)'
          : `Free attendance granted: ${basis}`,
        howToBecomeEligible: null,
      };
    }
    if (outcome) failures.push(outcome);
  }
  const offersMembership = event.freeAttendance.includes('community-member');
  const reason =
    event.freeAttendance.length === 0
      ? 'This event offers no free attendance'
      : failures.length > 0
        ? failures.join('; ')
        : 'No basis for free attendance was claimed';
  return {
    eligible: false,
    basis: null,
    reason,
    howToBecomeEligible: offersMembership ? HOW_TO_JOIN : null,
  };
}
