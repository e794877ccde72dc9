-- Outbox order without a global lock. Until now every outbox writer took one advisory lock and
-- sent NOTIFY inside its transaction, so event ids committed in increasing order; both held a
-- database-wide lock through the commit's disk flush and made writers commit one at a time.
-- Now each event records the transaction that wrote it. Readers go through events in
-- (xact_id, id) order and only up to the oldest transaction still running
-- (pg_snapshot_xmin(pg_current_snapshot())): every event below that is committed (or rolled
-- back) for good, and any event committed later lies above it. The id stays the event's name
-- (SSE `id:`, Last-Event-ID, webhook `id`).
alter table outbox_events add column if not exists xact_id xid8 not null default pg_current_xact_id();
create index if not exists outbox_events_xact_id_idx on outbox_events (xact_id, id);
