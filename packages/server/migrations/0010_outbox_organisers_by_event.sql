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
