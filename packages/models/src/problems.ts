// The catalogue is its own entry, '@wsc/models/problems': its meanings would take a fifth of the
// browser budget of the main entry, which only needs the slug type (./problem-code).

/**
 * Every problem type the API can answer, keyed by its slug: the problem document's `type` is
 * `https://worldsmartcity.org/problems/<slug>`, its `status` and `title` are the ones listed here
 * (RFC 9457: the title names the type, the `detail` tells this occurrence). The server raises
 * problems only from this list and `/openapi.json` lists, per operation, the slugs it can answer.
 *
 * Adding a problem type is one entry here. Never rename or reuse a slug: clients branch on it.
 */
export const PROBLEM_TYPES = {
  // 400: the request cannot be read.
  'bad-request': {
    status: 400,
    title: 'Bad request',
    meaning: 'A value cannot be read (not a valid id, date or number for the database).',
  },
  'malformed-json': {
    status: 400,
    title: 'Malformed JSON',
    meaning: 'The body is not valid JSON, or is empty while Content-Type says JSON.',
  },
  'malformed-request': {
    status: 400,
    title: 'Malformed request',
    meaning: 'The request line, a header or the URL is not valid HTTP (percent-encode non-ASCII characters).',
  },
  'invalid-cursor': {
    status: 400,
    title: 'Invalid cursor',
    meaning: 'The `cursor` was not issued for this list, filters and sort: start again from the first page.',
  },
  'invalid-idempotency-key': {
    status: 400,
    title: 'Invalid Idempotency-Key',
    meaning: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
  },
  // 401: who is calling is unknown.
  'authentication-required': {
    status: 401,
    title: 'Sign-in required',
    meaning: 'This action needs a signed-in member: send a session or SSO user token.',
  },
  'invalid-credentials': {
    status: 401,
    title: 'Invalid credentials',
    meaning: 'The token or key sent is malformed, unknown, expired or revoked.',
  },
  'wrong-credentials': {
    status: 401,
    title: 'Wrong e-mail or password',
    meaning: 'No account has this e-mail and password.',
  },
  'secret-key-required': {
    status: 401,
    title: 'Secret key required',
    meaning: "This action is for a partner's server: send its secret key (sk_…).",
  },
  // 403: known caller, not allowed.
  'account-disabled': {
    status: 403,
    title: 'Account disabled',
    meaning: 'An administrator disabled this account.',
  },
  'current-password-wrong': {
    status: 403,
    title: 'Current password wrong',
    meaning:
      "The `currentPassword` sent to change the account's e-mail address is not the account's password. Wrong guesses are limited per account.",
  },
  'edit-window-closed': {
    status: 403,
    title: 'Edit window closed',
    meaning: 'Comments can only be edited for a short time after posting.',
  },
  'email-managed-by-partner': {
    status: 403,
    title: 'Address managed by a partner',
    meaning:
      'The account signs in only through a partner site, which sends its address: change it on that site.',
  },
  'mapping-owned': {
    status: 403,
    title: "Another expert's mapping",
    meaning: 'Only the expert who mapped this standard (or a moderator) may change the mapping.',
  },
  'not-author': {
    status: 403,
    title: 'Not the author',
    meaning: 'Only the author (or a moderator) may change this object.',
  },
  'not-eligible': {
    status: 403,
    title: 'Not eligible for free attendance',
    meaning: "The caller does not meet the event's eligibility rules.",
  },
  'organization-manager-required': {
    status: 403,
    title: 'Organization manager required',
    meaning: "Only the organization's managers and admins decide on its memberships.",
  },
  'organiser-required': {
    status: 403,
    title: 'Organiser required',
    meaning: "Only the event's organisers (members of its organising organisation) or an admin may do this.",
  },
  'origin-not-allowed': {
    status: 403,
    title: 'Origin not allowed for this key',
    meaning: "The publishable key does not list the request's Origin.",
  },
  'own-comment': {
    status: 403,
    title: 'Cannot report your own comment',
    meaning: 'Members report comments of others.',
  },
  'partner-sso-suspended': {
    status: 403,
    title: "Partner's single sign-on suspended",
    meaning:
      "An admin suspended the accounts this partner's single sign-on created: it signs no one in and creates no account until an admin lifts the suspension.",
  },
  'role-required': {
    status: 403,
    title: 'Role required',
    meaning: 'This action needs a role the account does not hold (expert, moderator or admin).',
  },
  'scope-required': {
    status: 403,
    title: 'Scope required',
    meaning: 'The key lacks the scope this action needs (a read-only publishable key writing, for example).',
  },
  'secret-key-in-browser': {
    status: 403,
    title: 'Secret key used from a browser',
    meaning: 'A secret key was sent with an Origin header: revoke it, it was exposed to a web page.',
  },
  'transition-forbidden': {
    status: 403,
    title: 'Move not allowed for your role',
    meaning: "The pain point's status change needs another role.",
  },
  // 404: nothing there, or not yours to see.
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'No such object (or route), or not visible to the caller.',
  },
  'event-not-found': {
    status: 404,
    title: 'Event not found',
    meaning: 'No event has this id or slug, or it is not visible to the caller.',
  },
  'registration-not-found': {
    status: 404,
    title: 'Not registered',
    meaning: 'The caller holds no registration for this event.',
  },
  'session-not-found': {
    status: 404,
    title: 'Session not found',
    meaning: 'The event has no session with this id.',
  },
  // 409: the current state refuses the request.
  conflict: {
    status: 409,
    title: 'Conflict with the current state',
    meaning: 'Another change to the same object came first: read it again and retry.',
  },
  'already-registered': {
    status: 409,
    title: 'Already registered',
    meaning: 'The caller is already registered (or wait-listed) for this event.',
  },
  'already-reported': {
    status: 409,
    title: 'Already reported',
    meaning: 'The caller already reported this comment.',
  },
  'already-signed-in': {
    status: 409,
    title: 'Already a member',
    meaning: 'A signed-in member asked to join the community again.',
  },
  'comment-hidden': {
    status: 409,
    title: 'Comment hidden',
    meaning: 'A moderator hid this comment: it can no longer be edited.',
  },
  'discussion-locked': {
    status: 409,
    title: 'Discussion locked',
    meaning: "A moderator locked the pain point's discussion.",
  },
  'duplicate-pain-point': {
    status: 409,
    title: 'Duplicate pain point',
    meaning: 'The pain point was merged into another: vote (or withdraw the vote) on the original.',
  },
  'email-already-confirmed': {
    status: 409,
    title: 'E-mail address already confirmed',
    meaning: 'This account confirmed its current address already: there is nothing to send.',
  },
  'email-taken': {
    status: 409,
    title: 'E-mail already registered',
    meaning: 'An account already uses this e-mail: sign in instead.',
  },
  'event-ended': {
    status: 409,
    title: 'Event ended',
    meaning: 'The event is over: its registrations no longer change.',
  },
  'idempotency-key-in-use': {
    status: 409,
    title: 'Request with this Idempotency-Key in progress',
    meaning: 'The first request with this key is still running: retry later with the same key.',
  },
  'idempotency-replay-unavailable': {
    status: 409,
    title: 'Response not replayable',
    meaning: 'The first request with this key succeeded, but its answer held a credential shown only once.',
  },
  'illegal-transition': {
    status: 409,
    title: 'Illegal status change',
    meaning: "The pain point's lifecycle does not allow this move from its current status.",
  },
  'registration-closed': {
    status: 409,
    title: 'Registration closed',
    meaning: "The event's registration window has closed.",
  },
  'registration-not-open': {
    status: 409,
    title: 'Registration not open yet',
    meaning: "The event's registration window has not opened yet.",
  },
  'membership-conflict': {
    status: 409,
    title: 'Member of another organization',
    meaning: 'A member belongs to one organization at a time: they leave the other one first.',
  },
  'membership-transition': {
    status: 409,
    title: 'Membership change refused',
    meaning: "The membership's current state does not allow this change (see `detail`).",
  },
  'reply-refused': {
    status: 409,
    title: 'Cannot reply here',
    meaning: 'The parent comment cannot be replied to (hidden, or on another pain point).',
  },
  'self-demotion': {
    status: 409,
    title: 'Cannot demote or disable yourself',
    meaning: 'An admin cannot remove their own admin role or disable their own account.',
  },
  'slug-taken': {
    status: 409,
    title: 'Slug already taken',
    meaning: 'Another object already uses this slug: choose another.',
  },
  'webhook-endpoint-disabled': {
    status: 409,
    title: 'Endpoint disabled',
    meaning: 'The webhook endpoint is disabled: enable it before redelivering.',
  },
  // 413 to 431: the request is not one the server takes.
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    meaning: 'The body is larger than the server accepts.',
  },
  'uri-too-long': {
    status: 414,
    title: 'URI too long',
    meaning: 'A path segment is longer than the server accepts (ids and slugs: at most 100 characters).',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'The body is not JSON: send Content-Type: application/json.',
  },
  'validation-failed': {
    status: 422,
    title: 'Validation failed',
    meaning: 'A field does not match the schema or the rules; `errors[]` names each one.',
  },
  'mail-token-invalid': {
    status: 422,
    title: 'Invalid or expired link',
    meaning:
      'The token from the mail is unknown, already used, expired, or for an address the account no longer has: ask for a new mail.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused with another request',
    meaning: 'This key was first used with another method, path or body: use a new key for a new request.',
  },
  'import-header': {
    status: 422,
    title: 'Import header incomplete',
    meaning: 'The CSV import lacks a required column, or holds no rows.',
  },
  'reply-too-deep': {
    status: 422,
    title: 'Reply too deep',
    meaning: 'Replies nest only so deep: reply to the parent instead.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    meaning: 'The caller spent its per-minute budget: wait for Retry-After seconds.',
  },
  'sso-signups-limited': {
    status: 429,
    title: 'Too many new SSO accounts',
    meaning:
      "The partner's single sign-on reached its hourly limit of new accounts: known users still sign in; new ones wait for Retry-After seconds.",
  },
  'headers-too-large': {
    status: 431,
    title: 'Request headers too large',
    meaning: 'The request headers are larger than the server accepts.',
  },
  // 5xx: the server's side.
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    meaning: 'The server failed to answer; it has been logged. Quote the requestId.',
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    meaning: 'The database does not answer, or the request met a concurrent change: retry after Retry-After.',
  },
} as const satisfies Record<string, ProblemTypeEntry>;

/** One entry of {@link PROBLEM_TYPES}. */
export interface ProblemTypeEntry {
  /** The HTTP status every problem of this type is answered with. */
  status: number;
  /** The problem document's `title`: the same for every occurrence. */
  title: string;
  /** What happened and what the caller can do, for documentation. */
  meaning: string;
}

/** A slug of {@link PROBLEM_TYPES}, as the server of this version knows them. */
export type KnownProblemCode = keyof typeof PROBLEM_TYPES;

export { PROBLEM_TYPE_BASE, type ProblemCode, problemCodeOf } from './problem-code';
