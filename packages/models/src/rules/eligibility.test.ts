import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityClaim } from '../eligibility';
import { ELIGIBILITY_BASES, type EligibilityBasis } from '../enums';
import { decideEligibility, type EligibilityEvent, type EligibilityFacts } from './eligibility';

/** The 2016 forum: free for all four groups; co-located with WCS and SIWW. */
const forum: EligibilityEvent = {
  freeAttendance: [...ELIGIBILITY_BASES],
  coLocatedEvents: [
    { code: 'WCS', name: 'World Cities Summit', url: null },
    { code: 'SIWW', name: 'Singapore International Water Week', url: null },
  ],
};

const NOTHING: EligibilityFacts = {
  signedInMember: false,
  joiningNow: false,
  membershipVerified: false,
  invitationValid: false,
  coLocatedReferenceVerified: false,
};

/** For each basis, a claim and the one verified fact that make it hold. */
const ALONE: Record<EligibilityBasis, { claim: EligibilityClaim; facts: Partial<EligibilityFacts> }> = {
  'community-member': { claim: {}, facts: { signedInMember: true } },
  'standards-body-member': { claim: { membership: { body: 'ITU' } }, facts: { membershipVerified: true } },
  invited: { claim: { invitationCode: 'IEC-2016-0042' }, facts: { invitationValid: true } },
  'co-located-registrant': {
    claim: { coLocatedRegistration: { eventCode: 'siww', reference: 'SIWW16-123' } },
    facts: { coLocatedReferenceVerified: true },
  },
};

const claim: fc.Arbitrary<EligibilityClaim> = fc.record(
  {
    communityMember: fc.boolean(),
    membership: fc.record({ body: fc.constantFrom('IEC' as const, 'ISO' as const, 'ITU' as const) }),
    invitationCode: fc.string({ minLength: 4 }),
    coLocatedRegistration: fc.record({
      eventCode: fc.constantFrom('WCS', 'SIWW', 'CES'),
      reference: fc.string({ minLength: 1 }),
    }),
  },
  { requiredKeys: [] },
);
const facts: fc.Arbitrary<EligibilityFacts> = fc.record({
  signedInMember: fc.boolean(),
  joiningNow: fc.boolean(),
  membershipVerified: fc.boolean(),
  invitationValid: fc.boolean(),
  coLocatedReferenceVerified: fc.boolean(),
});
const event: fc.Arbitrary<EligibilityEvent> = fc.record({
  freeAttendance: fc.subarray([...ELIGIBILITY_BASES]),
  coLocatedEvents: fc.constant(forum.coLocatedEvents),
});

describe('decideEligibility', () => {
  it.each(ELIGIBILITY_BASES)('grants free attendance on %s alone', (basis) => {
    const { claim: alone, facts: verified } = ALONE[basis];
    expect(decideEligibility(forum, alone, { ...NOTHING, ...verified })).toMatchObject({
      eligible: true,
      basis,
    });
  });

  it('does not grant a basis the event does not offer', () => {
    const event = { ...forum, freeAttendance: ['community-member' as const] };
    const decision = decideEligibility(event, ALONE.invited.claim, { ...NOTHING, invitationValid: true });
    expect(decision).toMatchObject({ eligible: false, basis: null });
    expect(decision.howToBecomeEligible).toMatch(/Join the World Smart City Community/);
  });

  it('counts a signed-out person joining in the same step as a community member', () => {
    const decision = decideEligibility(forum, { joiningNow: true }, { ...NOTHING, joiningNow: true });
    expect(decision).toMatchObject({ eligible: true, basis: 'community-member', howToBecomeEligible: null });
    expect(decision.reason).toMatch(/joining the community with this registration/);
    const withoutMembership = { ...forum, freeAttendance: ['invited' as const] };
    expect(decideEligibility(withoutMembership, {}, { ...NOTHING, joiningNow: true }).eligible).toBe(false);
  });

  it('refuses a co-located event that is not held alongside', () => {
    const decision = decideEligibility(
      forum,
      { coLocatedRegistration: { eventCode: 'CES', reference: 'X' } },
      { ...NOTHING, coLocatedReferenceVerified: true },
    );
    expect(decision.eligible).toBe(false);
    expect(decision.reason).toMatch(/CES is not held alongside/);
  });

  it('explains an unverified claim and says how to become eligible', () => {
    const decision = decideEligibility(forum, { membership: { body: 'ISO' } }, NOTHING);
    expect(decision).toMatchObject({ eligible: false, basis: null });
    expect(decision.reason).toMatch(/ISO membership could not be verified/);
    expect(decision.howToBecomeEligible).not.toBeNull();
  });

  it('each basis alone grants, whatever else is claimed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELIGIBILITY_BASES), claim, (basis, extra) => {
        const { claim: alone, facts: verified } = ALONE[basis];
        const decision = decideEligibility(forum, { ...extra, ...alone }, { ...NOTHING, ...verified });
        expect(decision.eligible).toBe(true);
        expect(decision.basis).not.toBeNull();
      }),
    );
  });

  it('never grants when nothing is verified', () => {
    fc.assert(
      fc.property(event, claim, (anyEvent, anyClaim) => {
        const decision = decideEligibility(anyEvent, anyClaim, NOTHING);
        expect(decision.eligible).toBe(false);
        expect(decision.basis).toBeNull();
      }),
    );
  });

  it('always gives a reason, and a granting basis the event offers', () => {
    fc.assert(
      fc.property(event, claim, facts, (anyEvent, anyClaim, anyFacts) => {
        const decision = decideEligibility(anyEvent, anyClaim, anyFacts);
        expect(decision.reason.length).toBeGreaterThan(0);
        if (decision.eligible) {
          expect(anyEvent.freeAttendance).toContain(decision.basis);
          expect(decision.howToBecomeEligible).toBeNull();
        } else {
          expect(decision.basis).toBeNull();
        }
      }),
    );
  });
});
