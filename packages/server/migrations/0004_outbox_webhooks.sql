-- Live updates and partner webhooks: the outbox every change event is written to (in the
-- transaction of the change), the partners' webhook endpoints, one delivery per (endpoint,
-- event) with its retry state and lease, and the log of every attempt.
-- Owned by src/outbox, src/live and src/webhooks.

-- The source of truth of live updates and webhooks. `id` is the SSE event id: ids commit in
-- order because recordEvent takes a transaction-level advisory lock before drawing one, so a
-- reader that has seen id N has seen every committed id below N.
create table if not exists outbox_events (
  id bigserial primary key,
  type text not null,
  subject_type text not null,
  subject_id text not null,
  -- Stream topics the event belongs to ('pain-points', 'pain-points/<id>', 'events/<id>' …).
  topics text[] not null,
  -- The full payload, for those `audience` admits.
  data jsonb not null,
  -- {"public": true} or {"accountIds": [], "roles": [], "organizationIds": [], "partnerIds": []}.
  audience jsonb not null,
  -- What everyone else sees of a restricted event (seats left without who registered); null: nothing.
  public_data jsonb,
  -- The partner the change came through (attribution).
  partner_id text,
  created_at timestamptz not null default now()
);
create index if not exists outbox_events_topics_idx on outbox_events using gin (topics);
create index if not exists outbox_events_created_at_idx on outbox_events (created_at);

create table if not exists webhook_endpoints (
  id text primary key default gen_random_uuid()::text,
  partner_id text not null references partners (id) on delete cascade,
  url text not null,
  description text,
  event_types text[] not null,
  -- `whsec_<base64>`: kept readable because every delivery is signed with it.
  secret text not null,
  -- The secret before the last rotation, still signing (second signature) until it expires.
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled boolean not null default true,
  -- Why the platform disabled it ('gone': the endpoint answered 410).
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index if not exists webhook_endpoints_partner_idx on webhook_endpoints (partner_id, created_at, id);

create table if not exists webhook_deliveries (
  -- Also the `webhook-id` header: the same for every retry and redelivery of this message.
  id text primary key default ('msg_' || replace(gen_random_uuid()::text, '-', '')),
  endpoint_id text not null references webhook_endpoints (id) on delete cascade,
  event_id bigint not null references outbox_events (id) on delete cascade,
  event_type text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  -- A manual redelivery of a finished delivery allows exactly one more attempt.
  max_attempts integer not null default 8,
  next_attempt_at timestamptz default now(),
  -- Lease of the worker that claimed it; an expired lease (a killed worker) is claimed again.
  locked_until timestamptz,
  claim_token text,
  response_status integer,
  last_error text,
  last_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id)
);
create index if not exists webhook_deliveries_due_idx
  on webhook_deliveries (next_attempt_at, id) where status = 'pending';
create index if not exists webhook_deliveries_endpoint_idx
  on webhook_deliveries (endpoint_id, created_at desc, id desc);

-- The delivery log: one row per HTTP attempt.
create table if not exists webhook_attempts (
  id bigserial primary key,
  delivery_id text not null references webhook_deliveries (id) on delete cascade,
  attempted_at timestamptz not null,
  response_status integer,
  duration_milliseconds integer not null,
  error text,
  -- The first KiB of the answer, for the partner's debugging.
  response_excerpt text
);
create index if not exists webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id);
