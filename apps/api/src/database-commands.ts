import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  backupEmbeddedDatabase,
  compareDatabases,
  copyDatabase,
  createDatabase,
  type Database,
  type DatabaseComparison,
  embeddedDatabaseFolder,
  migrate,
  type ObjectDigest,
} from '@wsc/server/admin';
import { type ProgressStream, progressBar } from './progress';

export const DATABASE_USAGE = `  db copy --to <postgres://…> [--replace]
      Copies the configured database (the embedded one by default) into a PostgreSQL database,
      migrated first and empty (--replace empties it, losing what it holds), in one transaction;
      then compares row counts and checksums table by table, prints them and exits 1 on any
      mismatch. Then set DATABASE_URL to it and start the API.
  db verify --to <postgres://…>
      Compares the configured database with another, as db copy does after copying.
  db backup --to <folder>
      Embedded database only: copies it into a new data folder (WSC_DATA_DIR can name it) and
      compares the two. Refused while the API runs on it. PostgreSQL: use pg_dump.`;

export interface DatabaseCommandInput {
  verb: string;
  to: string | undefined;
  replace: boolean;
  /** The configured database: DATABASE_URL, or the embedded one in WSC_DATA_DIR. */
  source: { url: string | undefined; dataDirectory: string | undefined };
  /** The result table. */
  out: ProgressStream;
  /** Progress and the refusals' reasons. */
  err: ProgressStream;
}

/** A mistake in the command line: the CLI prints it with the usage and exits 2. */
export class DatabaseUsageError extends Error {}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Runs `db copy`, `db verify` or `db backup`: parses nothing the caller has not parsed, prints
 * the comparison as a table, and answers the exit code (0 when everything matches, 1 when not).
 * The work is @wsc/server/admin's.
 *
 * @example
 * process.exitCode = await runDatabaseCommand({ verb: 'copy', to: 'postgres://…', replace: false, source, out: process.stdout, err: process.stderr });
 */
export async function runDatabaseCommand(input: DatabaseCommandInput): Promise<number> {
  const { verb, to } = input;
  if (!['copy', 'verify', 'backup'].includes(verb))
    throw new DatabaseUsageError(`unknown command "db ${verb}"`);
  if (!to) throw new DatabaseUsageError('--to is required');
  if (verb === 'backup') {
    if (input.source.url) {
      throw new Error(
        'the configured database is PostgreSQL (DATABASE_URL): back it up with pg_dump while it serves (see the self-hosting guide)',
      );
    }
    input.err.write(`backing up the embedded database into ${to}\n`);
    const backup = await backupEmbeddedDatabase({
      dataDirectory: input.source.dataDirectory,
      destination: to,
    });
    return printComparison(input.out, backup.verification, `backup in ${backup.destination}`);
  }
  if (!POSTGRES_URL.test(to)) throw new DatabaseUsageError('--to must be a postgres:// URL');
  const embedded = embeddedDatabaseFolder(input.source.dataDirectory);
  if (!input.source.url && !existsSync(path.join(embedded, 'PG_VERSION'))) {
    // Opening it would create an empty database, and copy that.
    throw new Error(
      `there is no embedded database in ${embedded}: set WSC_DATA_DIR to the folder npm start uses`,
    );
  }
  const source = await createDatabase({ url: input.source.url, dataDirectory: input.source.dataDirectory });
  let target: Database | undefined;
  try {
    target = await createDatabase({ url: to });
    if (verb === 'verify') {
      return printComparison(input.out, await compareDatabases(source.db, target.db), 'target');
    }
    // The source at this version's schema, as the API's start would leave it.
    await migrate(source.db);
    let bar: ReturnType<typeof progressBar> | undefined;
    let shownPercent = -1;
    const report = await copyDatabase(source.db, target.db, {
      replace: input.replace,
      onProgress: ({ table, copied, total }) => {
        if (total === 0) return;
        if (copied === 0) {
          bar?.done();
          bar = progressBar(input.err, table);
          shownPercent = -1;
        }
        const percent = Math.floor((copied / total) * 100);
        if (percent === shownPercent) return;
        shownPercent = percent;
        bar?.update(copied, total);
      },
    });
    bar?.done();
    input.err.write(
      `copied ${report.copied.reduce((sum, table) => sum + table.rows, 0)} rows of ${report.copied.length} tables and ${report.sequences} sequences; outbox re-based on the target (${report.outbox.events} events)\n`,
    );
    return printComparison(input.out, report.verification, 'target');
  } finally {
    await target?.close();
    await source.close();
  }
}

function digestCells(digest: ObjectDigest | null): [string, string] {
  if (!digest) return ['missing', 'missing'];
  return [digest.rows === null ? '-' : String(digest.rows), digest.checksum.slice(0, 12)];
}

/** Prints one line a table, sequence and the outbox order; answers 0 when all match, else 1. */
function printComparison(out: ProgressStream, comparison: DatabaseComparison, targetName: string): number {
  const rows = [
    [
      'kind',
      'name',
      'source rows',
      `${targetName} rows`,
      'source checksum',
      `${targetName} checksum`,
      'result',
    ],
    ...comparison.checks.map((check) => {
      const [sourceRows, sourceChecksum] = digestCells(check.source);
      const [targetRows, targetChecksum] = digestCells(check.target);
      return [
        check.kind,
        check.name,
        sourceRows,
        targetRows,
        sourceChecksum,
        targetChecksum,
        check.matches ? 'ok' : 'MISMATCH',
      ];
    }),
  ];
  const widths = (rows[0] as string[]).map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  // Counts read best aligned right.
  const counts = new Set([2, 3]);
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      counts.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
    );
    out.write(`${cells.join('  ').trimEnd()}\n`);
  }
  for (const difference of comparison.differences) out.write(`schema: ${difference}\n`);
  const mismatches = comparison.checks.filter((check) => !check.matches);
  if (comparison.matches) {
    out.write(`\nall ${comparison.checks.length} match: the ${targetName} holds what the source holds.\n`);
    return 0;
  }
  const names = [
    ...mismatches.map((check) => check.name),
    ...(comparison.differences.length > 0 ? ['the schema'] : []),
  ];
  out.write(`\n${names.length} differ: ${names.join(', ')}.\n`);
  return 1;
}
