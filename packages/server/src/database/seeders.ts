import type { Kysely } from 'kysely';
import { eventsSeeder } from '../events/seed';
import { samplePainPointsSeeder, standardsSeeder } from '../standards/seed';
import type { DatabaseSchema } from './schema';
import { organizationsSeeder } from './seed-organizations';

/** One seed step: runs once per database (recorded in `seed_runs`), in list order. */
export interface Seeder {
  /** Unique and stable; bump a version suffix (`standards-v2`) to run a changed seeder again. */
  name: string;
  run(db: Kysely<DatabaseSchema>): Promise<void>;
}

/** Seed steps run at start after the migrations. Features append theirs. */
export const seeders: Seeder[] = [organizationsSeeder];

// Community features: the standards catalogue, then the sample pain points.
seeders.push(standardsSeeder, samplePainPointsSeeder);

// Events: the catalogue's World Smart City Forum 2016 (after the organizations it names).
seeders.push(eventsSeeder);
