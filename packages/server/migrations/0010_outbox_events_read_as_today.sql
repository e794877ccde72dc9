-- Registration events were stored with the organisers of the day they were written
-- (`audience.organizationIds`), so an organisation removed from an event kept reading its
-- registrations in full through replays. From now on they name the event
-- (`audience.organisersOfEvent`) and readers look its organisers up when they read.
-- Registration audiences took their organisations from the event's organisers only.

update outbox_events
set audience = (audience - 'organizationIds') || jsonb_build_object('organisersOfEvent', data ->> 'eventId')
where type in ('registration.created', 'registration.cancelled', 'registration.promoted')
  and not audience ? 'public'
  and data ? 'eventId';

-- Edits rewrite the text of the earlier events about the same object (a replay never shows text
-- the API no longer shows): find them without reading the whole outbox.
create index if not exists outbox_events_subject_idx on outbox_events (subject_type, subject_id);
