import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';

/**
 * One seed step: runs once per database (recorded in `seed_runs`), in list order. The default
 * list is `defaultSeeders()` (src/seeders.ts), outside this folder: the database layer knows how
 * to run seed steps, not which features have them.
 */
export interface Seeder {
  /** Unique and stable; bump a version suffix (`standards-v2`) to run a changed seeder again. */
  name: string;
  run(db: Kysely<DatabaseSchema>): Promise<void>;
}
