export { bestCoverage, type CoverageInput, computeCoverage } from './coverage';
export { CursorError, type CursorValue, decodeCursor, encodeCursor } from './cursor';
export { decideEligibility, type EligibilityEvent, type EligibilityFacts } from './eligibility';
export {
  decideMembershipChange,
  emailDomainOf,
  joinsByVerifiedDomain,
  type MembershipAddress,
  type MembershipChange,
  type MembershipChangeOutcome,
  type MembershipDecider,
  type MembershipState,
} from './membership';
export {
  allowedTransitions,
  type LifecycleActor,
  PAIN_POINT_TRANSITIONS,
  type TransitionContext,
  type TransitionRefusal,
  type TransitionResult,
  transitionPainPoint,
} from './pain-point-lifecycle';
export { formatIssuePath, problemErrorsFromIssues } from './problem-errors';
export {
  AUTO_HIDE_INDEPENDENT_SOURCES,
  AUTO_HIDE_REPORTERS,
  hidesOnReports,
  type ReportTally,
} from './report-hiding';
export { isValidSlug, type SlugifyOptions, slugify } from './slug';
