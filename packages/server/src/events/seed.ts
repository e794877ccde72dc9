import { events } from '@wsc/models/catalogue';
import type { Seeder } from '../database/seeders';
import { insertEvent } from './repository';
import { eventValues } from './service';

/**
 * The events of `@wsc/models/catalogue` (the World Smart City Forum, Singapore, 13 July 2016),
 * keyed by their catalogue id so running it again inserts nothing.
 */
export const eventsSeeder: Seeder = {
  name: 'events-v1',
  async run(db) {
    for (const event of events) {
      await insertEvent(db, eventValues(event), { id: event.id, createdBy: null, partnerId: null });
    }
  },
};
