import { events } from '@wsc/models/catalogue';
import type { Seeder } from '../database/seeders';
import { insertEvent } from './repository';

/**
 * The events of `@wsc/models/catalogue` (the World Smart City Forum, Singapore, 13 July 2016),
 * keyed by their catalogue id so running it again inserts nothing.
 */
export const eventsSeeder: Seeder = {
  name: 'events-v1',
  async run(db) {
    for (const event of events) {
      await insertEvent(
        db,
        {
          slug: event.slug,
          name: event.name as Record<string, string>,
          description: event.description as Record<string, string>,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timeZone: event.timeZone,
          city: event.city,
          country: event.country,
          venue: event.venue,
          capacity: event.capacity,
          registrationOpensAt: event.registrationOpensAt,
          registrationClosesAt: event.registrationClosesAt,
          freeAttendance: [...event.freeAttendance],
          source: event.source,
          organiserIds: [...event.organiserIds],
          coLocatedEvents: event.coLocatedEvents.map((coLocated) => ({ ...coLocated })),
        },
        { id: event.id, createdBy: null, partnerId: null },
      );
    }
  },
};
