import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database/schema';
import { runSeeders } from './database/seed';
import { organizationsSeeder } from './database/seed-organizations';
import type { Seeder } from './database/seeders';
import { eventsSeeder } from './events/seed';
import { samplePainPointsSeeder, standardsSeeder } from './standards/seed';

/**
 * The seed steps `createServer` runs at start after the migrations, in order: a new array on
 * each call, so a host may add or drop steps.
 *
 * @example
 * const app = await createServer({ seeders: [...defaultSeeders(), myCitySeeder] });
 */
export function defaultSeeders(): Seeder[] {
  return [
    organizationsSeeder,
    // Community features: the standards catalogue, then the sample pain points.
    standardsSeeder,
    samplePainPointsSeeder,
    // Events: the catalogue's World Smart City Forum 2016 (after the organizations it names).
    eventsSeeder,
  ];
}

/**
 * Runs each seeder (default: `defaultSeeders()`) that has not run on this database yet, inside
 * one transaction per seeder, so a restart (or a second instance) never seeds twice.
 *
 * @example
 * const ran = await seed(db); // ['organizations-v1', …] on the first start, [] afterwards
 */
export function seed(db: Kysely<DatabaseSchema>, seeders: readonly Seeder[] = defaultSeeders()) {
  return runSeeders(db, seeders);
}
