-- E-mail notices (part 2 of the mail): what each member chose to receive, the key that signs
-- unsubscribe links, the weekly digest's one-per-member-and-week record, and the partners
-- whose single-sign-on members get no community mail. Owned by src/mail and src/partners.

-- A member's choices; no row means the defaults (moderation notices on, digest off).
create table if not exists mail_preferences (
  account_id text primary key references accounts (id) on delete cascade,
  moderation boolean not null default true,
  digest boolean not null default false,
  -- The pain-point domains the digest covers (empty: every domain), with the member's country.
  digest_domains text[] not null default '{}',
  updated_at timestamptz not null default now()
);

-- The HMAC key of unsubscribe tokens, shared by every instance: one row, written at first use.
create table if not exists mail_signing_keys (
  id integer primary key check (id = 1),
  secret text not null,
  created_at timestamptz not null default now()
);

-- One row per member and week, taken in the transaction that queues the digest: a second
-- instance (or a second run) finds it and queues nothing.
create table if not exists mail_digest_weeks (
  account_id text not null references accounts (id) on delete cascade,
  -- The ISO week, `2026-W50`.
  week text not null,
  mail_id text references mail_outbox (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (account_id, week)
);

-- A partner that tells its single-sign-on members itself (from the webhooks): they get no
-- community mail, except the account mail a member with a community password needs.
alter table partners add column if not exists community_mail_suppressed_at timestamptz;
