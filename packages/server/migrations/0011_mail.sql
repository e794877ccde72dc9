-- E-mail: the mail outbox (queued in the transaction of the change that causes a mail, sent by
-- the mail worker), the log of every SMTP attempt, the addresses that answered a permanent
-- failure, and the single-use tokens of e-mail confirmation and password reset.
-- Owned by src/mail (outbox, worker, log) and src/identity (tokens).

create table if not exists mail_outbox (
  -- Also the left part of the Message-ID: the same for every retry of this mail.
  id text primary key default ('mail_' || replace(gen_random_uuid()::text, '-', '')),
  -- The member the mail is for; null for a bare address (the old address told of a change).
  account_id text references accounts (id) on delete set null,
  -- Where it goes, as it was when queued (an address change does not redirect queued mail).
  address text not null,
  -- lower(trim(address)): what the undeliverable marker is keyed on.
  address_normalized text not null,
  -- The kind of mail ('account', 'registration', …): preferences and unsubscribe work per kind.
  kind text not null,
  template text not null,
  language text not null,
  -- What the template renders, without secrets: kept as the record of what was sent.
  data jsonb not null,
  -- What the template renders that must not outlive the sending (links carrying tokens):
  -- erased as soon as the mail is sent, suppressed or given up on.
  secrets jsonb,
  -- `<id@domain of WSC_MAIL_FROM>`, written at the first attempt; every retry sends the same.
  message_id text unique,
  status text not null default 'pending'
    check (status in ('pending', 'sent', 'failed', 'suppressed')),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  next_attempt_at timestamptz default now(),
  -- Lease of the worker that claimed it; an expired lease (a killed worker) is claimed again.
  locked_until timestamptz,
  claim_token text,
  -- The last SMTP reply code and text (addresses in it redacted).
  last_smtp_code integer,
  last_smtp_answer text,
  last_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index if not exists mail_outbox_due_idx
  on mail_outbox (next_attempt_at, id) where status = 'pending';
create index if not exists mail_outbox_account_idx on mail_outbox (account_id, created_at desc);

-- The per-message log: one row per SMTP attempt.
create table if not exists mail_attempts (
  id bigserial primary key,
  mail_id text not null references mail_outbox (id) on delete cascade,
  attempted_at timestamptz not null,
  -- 'sent', 'retry', 'failed' or 'suppressed'.
  outcome text not null,
  smtp_code integer,
  -- The server's answer or the connection error, addresses redacted.
  smtp_answer text,
  duration_milliseconds integer not null
);
create index if not exists mail_attempts_mail_idx on mail_attempts (mail_id, id);

-- Addresses a server refused for good (5xx): nothing more is sent to them until the member
-- changes the address or confirms it again (which deletes the row).
create table if not exists mail_undeliverable_addresses (
  address_normalized text primary key,
  account_id text references accounts (id) on delete set null,
  mail_id text references mail_outbox (id) on delete set null,
  smtp_code integer,
  smtp_answer text,
  marked_at timestamptz not null default now()
);

-- Single-use tokens sent by mail, stored as sha256 (the token itself is only in the mail).
create table if not exists account_mail_tokens (
  id text primary key default gen_random_uuid()::text,
  account_id text not null references accounts (id) on delete cascade,
  purpose text not null check (purpose in ('email-confirmation', 'password-reset')),
  token_hash text not null unique,
  -- The address a confirmation token proves: a token for an address the member has since
  -- changed confirms nothing.
  address_normalized text not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists account_mail_tokens_account_idx
  on account_mail_tokens (account_id, purpose, created_at desc);

-- Requests for confirmation and reset mail, counted per hour per address (sha256) and per client
-- address, shared by every instance: `bucket` is 'address:<sha256>' or 'ip:<address>'.
create table if not exists mail_request_counts (
  bucket text not null,
  window_start timestamptz not null,
  count integer not null,
  primary key (bucket, window_start)
);
