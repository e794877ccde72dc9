import { bodies } from '@wsc/models/catalogue';
import type { Seeder } from './seeders';

/** The standards bodies of the catalogue (IEC, ISO, ITU) as organizations, keyed by their catalogue id. */
export const organizationsSeeder: Seeder = {
  name: 'organizations-v1',
  async run(db) {
    if (bodies.length === 0) return;
    await db
      .insertInto('organizations')
      .values(
        bodies.map((body) => ({
          id: body.id,
          slug: body.slug,
          name: body.name,
          type: body.type,
          memberships: [...body.memberships],
          country: body.country,
          url: body.url,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  },
};
