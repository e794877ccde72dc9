import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz` column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` column with a default of now(). */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `jsonb` column. */
export type Json<Value = unknown> = ColumnType<Value, string, string>;

/** Schema migrations already applied (written by the migration runner). */
export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

/** Seed steps already run, so restarting never seeds twice. */
export interface SeedRunsTable {
  name: string;
  ran_at: CreatedAt;
}

export interface AccountsTable {
  id: Generated<string>;
  email: string;
  /** lower(trim(email)): the unique login name; null for partner-only (SSO) accounts. */
  email_normalized: string | null;
  /** Null for accounts that only ever sign in through a partner (SSO). */
  password_hash: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  language: string | null;
  disabled_at: Timestamp | null;
  deleted_at: Timestamp | null;
  last_login_at: Timestamp | null;
  /** When the member proved the address is theirs; null until then (and for partner-typed addresses). */
  email_confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Public profile of a member. Its id is the account id. */
export interface StakeholdersTable {
  id: string;
  display_name: string;
  role: string;
  /**
   * The organization whose membership is approved (`organization_memberships`), kept here for
   * the profile and every rule that reads it; written only by the membership service, in the
   * transaction that approves or ends the membership.
   */
  organization_id: string | null;
  country: string | null;
  city: string | null;
  bio: string | null;
  /** The partner the member signed up through, null when they signed up on the community site. */
  partner_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  type: string;
  memberships: ColumnType<string[], string[] | undefined, string[]>;
  country: string | null;
  url: string | null;
  /** E-mail domains whose confirmed addresses join without approval (set by admins). */
  verified_domains: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

/** A member's request to join an organization and what became of it (migrations/0009). */
export interface OrganizationMembershipsTable {
  organization_id: string;
  account_id: string;
  status: 'pending' | 'approved' | 'refused' | 'removed';
  role: ColumnType<'member' | 'manager', 'member' | 'manager' | undefined, 'member' | 'manager'>;
  basis: 'request' | 'email-domain' | 'decision';
  note: string | null;
  requested_at: ColumnType<Date, Date | string | undefined, Date | string>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Bearer tokens of members: sign-in sessions and partner SSO user tokens, stored as sha256. */
export interface SessionsTable {
  id: Generated<string>;
  account_id: string;
  token_hash: string;
  kind: 'session' | 'sso';
  partner_id: string | null;
  /** The secret key that issued an SSO token: revoking it ends the token. */
  partner_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface PartnersTable {
  id: Generated<string>;
  name: string;
  organization_id: string | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  /** Set when the partner's SSO members get no community mail (migrations/0012_mail_notices.sql). */
  community_mail_suppressed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The partner's page where its members' account mail leads; null: the community's (0016). */
  account_page_url: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PartnerKeysTable {
  id: Generated<string>;
  partner_id: string;
  kind: 'publishable' | 'secret';
  token_hash: string;
  /** The visible start of the key (`pk_live_3fA9`), for lists. */
  prefix: string;
  /** Browser origins a publishable key may be used from. */
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Links a partner's own user id to a community account (partner single sign-on). */
export interface PartnerIdentitiesTable {
  partner_id: string;
  external_user_id: string;
  account_id: string;
  created_at: CreatedAt;
  /** Set while a suspension of the partner's SSO accounts keeps this account disabled (0015). */
  suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A partner whose SSO accounts are suspended: its single sign-on is refused (migrations/0015). */
export interface PartnerSsoSuspensionsTable {
  partner_id: string;
  reason: string;
  suspended_at: CreatedAt;
  suspended_by: string | null;
}

export interface IdempotencyKeysTable {
  /** Who sent it: `account:<id>`, `partner:<id>` or `anonymous:<ip>`. */
  scope: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: 'pending' | 'completed';
  response_status: number | null;
  response_headers: Json<Record<string, string>> | null;
  response_body: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  partner_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: Json<Record<string, unknown>>;
  request_id: string | null;
}

/**
 * Every table of the platform, as Kysely sees it. Feature owners add their tables here, one
 * interface per table, named after the table.
 */
export interface DatabaseSchema {
  schema_migrations: SchemaMigrationsTable;
  seed_runs: SeedRunsTable;
  accounts: AccountsTable;
  stakeholders: StakeholdersTable;
  organizations: OrganizationsTable;
  organization_memberships: OrganizationMembershipsTable;
  sessions: SessionsTable;
  partners: PartnersTable;
  partner_keys: PartnerKeysTable;
  partner_identities: PartnerIdentitiesTable;
  partner_sso_suspensions: PartnerSsoSuspensionsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
}

// ---- Community features (migrations/0002_community.sql) ----

/** An international standard of the catalogue; `id` is the reference slug (`iso-37120-2018`). */
export interface StandardsTable {
  id: string;
  body: string;
  reference: string;
  title: Json<Record<string, string>>;
  committee: string;
  status: string;
  publication_year: number | null;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  url: string;
  created_at: CreatedAt;
  /** Generated: lower-cased reference, committee and titles, for trigram search. */
  search_text: ColumnType<string, never, never>;
  search_vector: ColumnType<string, never, never>;
  /** Generated (0005): Russian and English stems, for inflected words. */
  search_vector_stemmed: ColumnType<string, never, never>;
}

export interface PainPointsTable {
  id: Generated<string>;
  slug: string | null;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  language: string;
  domain: string;
  city: string | null;
  country: string | null;
  severity: string;
  status: ColumnType<string, string | undefined, string>;
  duplicate_of: string | null;
  vote_count: ColumnType<number, number | undefined, number>;
  comment_count: ColumnType<number, number | undefined, number>;
  trending_score: ColumnType<number, number | undefined, number>;
  locked: ColumnType<boolean, boolean | undefined, boolean>;
  sample: ColumnType<boolean, boolean | undefined, boolean>;
  author_id: string | null;
  partner_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Generated: lower-cased title, description (every language) and city, for trigram search. */
  search_text: ColumnType<string, never, never>;
  search_vector: ColumnType<string, never, never>;
  /** Generated (0005): Russian and English stems, for inflected words. */
  search_vector_stemmed: ColumnType<string, never, never>;
}

/** One member's vote; the primary key (pain_point_id, account_id) makes voting idempotent. */
export interface VotesTable {
  pain_point_id: string;
  account_id: string;
  partner_id: string | null;
  /**
   * Who the vote counts for (migrations/0014): the hashed normalised address the account had
   * when it voted, or `deleted:<account id>` once the account is deleted.
   */
  voter_key: string;
  created_at: CreatedAt;
}

/**
 * The people voting for a pain point (migrations/0014): one row per voter key, with how many of
 * its accounts vote; `pain_points.vote_count` is the number of rows.
 */
export interface PainPointVotersTable {
  pain_point_id: string;
  voter_key: string;
  votes: number;
}

export interface CommentsTable {
  id: Generated<string>;
  pain_point_id: string;
  /** Always a top-level comment: threads are one level deep. */
  parent_id: string | null;
  author_id: string | null;
  partner_id: string | null;
  body: string;
  language: string | null;
  hidden: ColumnType<boolean, boolean | undefined, boolean>;
  hidden_reason: string | null;
  hidden_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reply_count: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
}

/** One report per (comment, reporter). */
export interface CommentReportsTable {
  id: Generated<string>;
  comment_id: string;
  reporter_id: string | null;
  partner_id: string | null;
  reason: string;
  note: string | null;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

/** An expert's judgement of how well a standard covers a pain point; one per pair. */
export interface StandardMappingsTable {
  id: Generated<string>;
  pain_point_id: string;
  standard_id: string;
  coverage: string;
  clause: string | null;
  note: string | null;
  expert_id: string | null;
  partner_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set while a moderator hides the note (migrations/0013). */
  note_hidden_at: Timestamp | null;
  note_hidden_reason: string | null;
  note_hidden_by: string | null;
}

export interface DatabaseSchema {
  standards: StandardsTable;
  pain_points: PainPointsTable;
  votes: VotesTable;
  pain_point_voters: PainPointVotersTable;
  comments: CommentsTable;
  comment_reports: CommentReportsTable;
  standard_mappings: StandardMappingsTable;
}

// ---- Events and registration (migrations/0003_events.sql) ----

export interface EventsTable {
  id: Generated<string>;
  slug: string;
  name: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  city: string;
  country: string;
  venue: string | null;
  /** Null: no limit. */
  capacity: number | null;
  registration_opens_at: Timestamp | null;
  registration_closes_at: Timestamp | null;
  free_attendance: ColumnType<string[], string[] | undefined, string[]>;
  source: string | null;
  created_by: string | null;
  partner_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Organisers of an event, lead organiser first (`position`). */
export interface EventOrganisersTable {
  event_id: string;
  organization_id: string;
  position: number;
}

/** Events held alongside an event (World Cities Summit, SIWW). */
export interface EventCoLocatedTable {
  event_id: string;
  code: string;
  name: string;
  url: string | null;
  position: number;
}

export interface EventSessionsTable {
  id: Generated<string>;
  event_id: string;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>> | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  room: string | null;
  language: string | null;
  speakers: Json<{ name: string; affiliation?: string | null }[]>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface EventSessionPainPointsTable {
  session_id: string;
  pain_point_id: string;
}

export interface RegistrationsTable {
  id: Generated<string>;
  /** Arrival order (identity): the waitlist promotes by it. */
  sequence: ColumnType<number, never, never>;
  event_id: string;
  account_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  basis: string | null;
  session_ids: ColumnType<string[], string[] | undefined, string[]>;
  invitation_code_hash: string | null;
  partner_id: string | null;
  created_at: CreatedAt;
  promoted_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export interface InvitationCodesTable {
  event_id: string;
  code_hash: string;
  hint: string;
  issued_by: string;
  max_uses: number;
  use_count: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MembershipCodesTable {
  event_id: string;
  body: string;
  code_hash: string;
  hint: string;
  created_at: CreatedAt;
}

export interface CoLocatedRegistrantsTable {
  event_id: string;
  co_located_code: string;
  reference_hash: string;
  hint: string;
  name: string | null;
  email: string | null;
  claimed_by: string | null;
  created_at: CreatedAt;
}

export interface DatabaseSchema {
  events: EventsTable;
  event_organisers: EventOrganisersTable;
  event_co_located: EventCoLocatedTable;
  event_sessions: EventSessionsTable;
  event_session_pain_points: EventSessionPainPointsTable;
  registrations: RegistrationsTable;
  invitation_codes: InvitationCodesTable;
  membership_codes: MembershipCodesTable;
  co_located_registrants: CoLocatedRegistrantsTable;
}

// ---- Live updates and partner webhooks (migrations/0004_outbox_webhooks.sql) ----

/** One change event: the SSE event id is `id`; webhooks deliver it. Written by `recordEvent`. */
export interface OutboxEventsTable {
  id: Generated<number>;
  type: string;
  subject_type: string;
  subject_id: string;
  topics: string[];
  data: Json<Record<string, unknown>>;
  audience: Json<Record<string, unknown>>;
  public_data: Json<Record<string, unknown>> | null;
  partner_id: string | null;
  created_at: CreatedAt;
  /** The writing transaction (xid8, read as text); with `id`, the order readers follow. */
  xact_id: Generated<string>;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  partner_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  deleted_at: Timestamp | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  event_id: number;
  event_type: string;
  status: ColumnType<
    'pending' | 'succeeded' | 'failed',
    'pending' | undefined,
    'pending' | 'succeeded' | 'failed'
  >;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  locked_until: Timestamp | null;
  claim_token: string | null;
  response_status: number | null;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: Timestamp;
  response_status: number | null;
  duration_milliseconds: number;
  error: string | null;
  response_excerpt: string | null;
}

export interface DatabaseSchema {
  outbox_events: OutboxEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

// ---- E-mail (migrations/0011_mail.sql) ----

/** A queued mail: rendered from its template when sent; `id` names its Message-ID. */
export interface MailOutboxTable {
  id: Generated<string>;
  account_id: string | null;
  address: string;
  address_normalized: string;
  kind: string;
  template: string;
  language: string;
  data: Json<Record<string, unknown>>;
  /** Erased (null) once the mail is sent, suppressed or given up on. */
  secrets: Json<Record<string, string>> | null;
  message_id: string | null;
  status: ColumnType<
    'pending' | 'sent' | 'failed' | 'suppressed',
    'pending' | 'sent' | 'failed' | 'suppressed' | undefined,
    'pending' | 'sent' | 'failed' | 'suppressed'
  >;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  locked_until: Timestamp | null;
  claim_token: string | null;
  last_smtp_code: number | null;
  last_smtp_answer: string | null;
  last_attempt_at: Timestamp | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

/** One SMTP attempt of a queued mail. */
export interface MailAttemptsTable {
  id: Generated<string>;
  mail_id: string;
  attempted_at: Timestamp;
  outcome: 'sent' | 'retry' | 'failed' | 'suppressed';
  smtp_code: number | null;
  smtp_answer: string | null;
  duration_milliseconds: number;
}

/** An address a mail server refused for good. */
export interface MailUndeliverableAddressesTable {
  address_normalized: string;
  account_id: string | null;
  mail_id: string | null;
  smtp_code: number | null;
  smtp_answer: string | null;
  marked_at: CreatedAt;
}

/** E-mail confirmation and password-reset tokens, stored as sha256. */
export interface AccountMailTokensTable {
  id: Generated<string>;
  account_id: string;
  purpose: 'email-confirmation' | 'password-reset';
  token_hash: string;
  address_normalized: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Confirmation and reset requests per hour, per address hash or client address. */
export interface MailRequestCountsTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

export interface DatabaseSchema {
  mail_request_counts: MailRequestCountsTable;
  mail_outbox: MailOutboxTable;
  mail_attempts: MailAttemptsTable;
  mail_undeliverable_addresses: MailUndeliverableAddressesTable;
  account_mail_tokens: AccountMailTokensTable;
}

// ---- E-mail notices (migrations/0012_mail_notices.sql) ----

/** A member's choice of optional mail (no row: the defaults). */
export interface MailPreferencesTable {
  account_id: string;
  moderation: Generated<boolean>;
  digest: Generated<boolean>;
  digest_domains: Generated<string[]>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The one HMAC key of unsubscribe tokens. */
export interface MailSigningKeysTable {
  id: number;
  secret: string;
  created_at: CreatedAt;
}

/** One weekly digest per member and week. */
export interface MailDigestWeeksTable {
  account_id: string;
  week: string;
  mail_id: string | null;
  created_at: CreatedAt;
}

export interface DatabaseSchema {
  mail_preferences: MailPreferencesTable;
  mail_signing_keys: MailSigningKeysTable;
  mail_digest_weeks: MailDigestWeeksTable;
}

// ---- Partner account pages and the guarded address change (migrations/0016_partner_account_page.sql) ----

/** Wrong current passwords sent with an address change, per account and hour. */
export interface CurrentPasswordGuessesTable {
  account_id: string;
  window_start: Timestamp;
  count: number;
}

export interface DatabaseSchema {
  current_password_guesses: CurrentPasswordGuessesTable;
}
