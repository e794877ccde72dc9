-- Platform core: accounts, member profiles, organizations, sessions, partners and their keys,
-- idempotency records and the audit log. Owned by the platform core; features add later files.

create table if not exists seed_runs (
  name text primary key,
  ran_at timestamptz not null default now()
);

create table if not exists organizations (
  id text primary key default gen_random_uuid()::text,
  slug text not null unique,
  name text not null,
  type text not null,
  memberships text[] not null default '{}',
  country text,
  url text,
  created_at timestamptz not null default now()
);

create table if not exists partners (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  organization_id text references organizations (id) on delete set null,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table if not exists accounts (
  id text primary key default gen_random_uuid()::text,
  email text not null,
  email_normalized text unique,
  password_hash text,
  roles text[] not null default '{member}',
  language text,
  disabled_at timestamptz,
  deleted_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists stakeholders (
  id text primary key references accounts (id) on delete cascade,
  display_name text not null,
  role text not null,
  organization_id text references organizations (id) on delete set null,
  country text,
  city text,
  bio text,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists stakeholders_organization_idx on stakeholders (organization_id);

create table if not exists sessions (
  id text primary key default gen_random_uuid()::text,
  account_id text not null references accounts (id) on delete cascade,
  token_hash text not null unique,
  kind text not null check (kind in ('session', 'sso')),
  partner_id text references partners (id) on delete cascade,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists sessions_account_idx on sessions (account_id);

create table if not exists partner_keys (
  id text primary key default gen_random_uuid()::text,
  partner_id text not null references partners (id) on delete cascade,
  kind text not null check (kind in ('publishable', 'secret')),
  token_hash text not null unique,
  prefix text not null,
  allowed_origins text[] not null default '{}',
  scopes text[] not null default '{}',
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists partner_keys_partner_idx on partner_keys (partner_id);

create table if not exists partner_identities (
  partner_id text not null references partners (id) on delete cascade,
  external_user_id text not null,
  account_id text not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (partner_id, external_user_id)
);

create table if not exists idempotency_keys (
  scope text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  state text not null check (state in ('pending', 'completed')),
  response_status integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (scope, key)
);
create index if not exists idempotency_keys_expires_idx on idempotency_keys (expires_at);

create table if not exists audit_log (
  id text primary key default gen_random_uuid()::text,
  at timestamptz not null default now(),
  actor_id text,
  partner_id text,
  action text not null,
  subject_type text not null,
  subject_id text,
  data jsonb not null default '{}',
  request_id text
);
create index if not exists audit_log_subject_idx on audit_log (subject_type, subject_id, at);
