import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';
import type { Seeder } from './seeders';

/**
 * Runs each of `seeders` that has not run on this database yet, inside one transaction per
 * seeder, so a restart (or a second instance) never seeds twice.
 *
 * @example
 * const ran = await runSeeders(db, [organizationsSeeder]); // ['organizations-v1'] on the first start, [] afterwards
 */
export async function runSeeders(db: Kysely<DatabaseSchema>, seeders: readonly Seeder[]) {
  const ran: string[] = [];
  for (const seeder of seeders) {
    const didRun = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('seed_runs')
        .values({ name: seeder.name })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .returning('name')
        .executeTakeFirst();
      if (!claimed) return false;
      await seeder.run(trx);
      return true;
    });
    if (didRun) ran.push(seeder.name);
  }
  return ran;
}
