import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema';

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;
/** Any constant: instances starting together wait for each other instead of migrating twice. */
const MIGRATION_LOCK = 7_242_016;

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Finds the committed `migrations/` folder beside this package, from `src/` (tests) or `dist/`.
 *
 * @example
 * findMigrationsDirectory(); // '/…/packages/server/migrations'
 */
export function findMigrationsDirectory(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(directory, 'migrations');
    if (existsSync(path.join(candidate, '0001_platform.sql'))) return candidate;
    directory = path.dirname(directory);
  }
  throw new Error('@wsc/server: the migrations folder was not found beside the package');
}

/**
 * Applies every pending `NNNN_name.sql` in order, each in its own transaction, and records it
 * in `schema_migrations`. Safe to run at every start and from several instances at once.
 *
 * @example
 * const { applied } = await migrate(db);
 */
export async function migrate(
  db: Kysely<DatabaseSchema>,
  directory = findMigrationsDirectory(),
): Promise<MigrationResult> {
  const files = readdirSync(directory)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(connection);
      const done = await connection.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
      const appliedBefore = new Map(done.map((row) => [row.name, row.checksum]));
      const result: MigrationResult = { applied: [], skipped: [] };
      for (const name of files) {
        const script = readFileSync(path.join(directory, name), 'utf8');
        const checksum = createHash('sha256').update(script).digest('hex');
        if (appliedBefore.has(name)) {
          result.skipped.push(name);
          continue;
        }
        // Name and checksum are checked above (file-name pattern, hex), so inlining them is safe.
        const wrapped = `begin;\n${script}\n;\ninsert into schema_migrations (name, checksum) values ('${name}', '${checksum}');\ncommit;`;
        try {
          await sql.raw(wrapped).execute(connection);
        } catch (error) {
          await sql
            .raw('rollback')
            .execute(connection)
            .catch(() => {});
          throw new Error(`@wsc/server: migration ${name} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        result.applied.push(name);
      }
      return result;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}
