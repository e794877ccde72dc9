-- Events and forum registration: events, their organisers and co-located events, programme
-- sessions (speakers, rooms, linked pain points), registrations with capacity and a waitlist,
-- and the lists organisers import to check eligibility (invitation codes, member codes,
-- registrants of co-located events). Owned by src/events and src/registrations.

create table if not exists events (
  id text primary key default gen_random_uuid()::text,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name jsonb not null,
  description jsonb not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  city text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  venue text,
  -- Null: no limit, every registration is confirmed.
  capacity integer check (capacity is null or capacity > 0),
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  free_attendance text[] not null default '{}',
  source text,
  created_by text references accounts (id) on delete set null,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index if not exists events_starts_at_idx on events (starts_at, id);
create index if not exists events_city_idx on events (lower(city));

-- Organisers in order (the lead organiser first); members of these organizations manage the event.
create table if not exists event_organisers (
  event_id text not null references events (id) on delete cascade,
  organization_id text not null references organizations (id) on delete restrict,
  position integer not null,
  primary key (event_id, organization_id)
);
create index if not exists event_organisers_organization_idx on event_organisers (organization_id);

-- Events held alongside (World Cities Summit, Singapore International Water Week).
create table if not exists event_co_located (
  event_id text not null references events (id) on delete cascade,
  code text not null,
  name text not null,
  url text,
  position integer not null,
  primary key (event_id, code)
);

create table if not exists event_sessions (
  id text primary key default gen_random_uuid()::text,
  event_id text not null references events (id) on delete cascade,
  title jsonb not null,
  description jsonb,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text,
  language text,
  speakers jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index if not exists event_sessions_event_idx on event_sessions (event_id, starts_at, id);

-- Organisers link sessions to the pain points they discuss (programme shaping).
create table if not exists event_session_pain_points (
  session_id text not null references event_sessions (id) on delete cascade,
  pain_point_id text not null references pain_points (id) on delete cascade,
  primary key (session_id, pain_point_id)
);
create index if not exists event_session_pain_points_pain_point_idx on event_session_pain_points (pain_point_id);

create table if not exists registrations (
  id text primary key default gen_random_uuid()::text,
  -- Arrival order: the waitlist promotes by it.
  sequence bigint generated always as identity,
  event_id text not null references events (id) on delete cascade,
  account_id text not null references accounts (id) on delete cascade,
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  basis text check (basis in ('community-member', 'standards-body-member', 'invited', 'co-located-registrant')),
  session_ids text[] not null default '{}',
  invitation_code_hash text,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  promoted_at timestamptz,
  cancelled_at timestamptz
);
-- One active registration per person per event; a cancelled one does not block registering again.
create unique index if not exists registrations_active_idx
  on registrations (event_id, account_id) where status <> 'cancelled';
create index if not exists registrations_event_status_idx on registrations (event_id, status, sequence);
create index if not exists registrations_account_idx on registrations (account_id);

-- Codes the bodies issue; stored as sha256 like other bearer secrets, with a hint for lists.
create table if not exists invitation_codes (
  event_id text not null references events (id) on delete cascade,
  code_hash text not null,
  hint text not null,
  issued_by text not null check (issued_by in ('IEC', 'ISO', 'ITU')),
  max_uses integer not null check (max_uses > 0),
  use_count integer not null default 0 check (use_count >= 0),
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (event_id, code_hash)
);

-- Member numbers of IEC, ISO or ITU members, imported by organisers for an event.
create table if not exists membership_codes (
  event_id text not null references events (id) on delete cascade,
  body text not null check (body in ('IEC', 'ISO', 'ITU')),
  code_hash text not null,
  hint text not null,
  created_at timestamptz not null default now(),
  primary key (event_id, body, code_hash)
);

-- Registrants of a co-located event, as that event's organisers exported them.
create table if not exists co_located_registrants (
  event_id text not null references events (id) on delete cascade,
  co_located_code text not null,
  reference_hash text not null,
  hint text not null,
  name text,
  email text,
  -- The first community account that claimed the reference: nobody else may reuse it.
  claimed_by text references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (event_id, co_located_code, reference_hash)
);
