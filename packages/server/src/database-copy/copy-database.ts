import { type Kysely, sql } from 'kysely';
import { quoteIdentifier } from '../database/create-database';
import { migrate } from '../database/migrate';
import type { DatabaseSchema } from '../database/schema';
import { type OutboxRebase, rebaseOutboxOrder } from '../outbox/outbox-order';
import { readSchemaShape, type SchemaShape, schemaDifferences, type TableShape } from './catalog';
import { compareDatabases, type DatabaseComparison } from './checksums';

/** How far the copy of one table got. */
export interface CopyProgress {
  /** The table being copied. */
  table: string;
  /** Rows of `table` copied so far. */
  copied: number;
  /** Rows `table` holds in the source. */
  total: number;
}

/** How {@link copyDatabase} copies. */
export interface CopyOptions {
  /** Empty a target that holds rows before copying (everything it holds is lost). Default: refuse. */
  replace?: boolean | undefined;
  /** Rows read and written at a time (default 500): memory holds one batch, whatever the table's size. */
  batchSize?: number | undefined;
  /** Hears of every batch copied, and of each table's start (`copied` 0). */
  onProgress?: ((progress: CopyProgress) => void) | undefined;
}

/** What {@link copyDatabase} copied, and how the two databases compared once it committed. */
export interface CopyReport {
  /** Rows copied, table by table. */
  copied: { table: string; rows: number }[];
  /** Sequences set to the source's positions. */
  sequences: number;
  /** The outbox's positions as re-based on the target. */
  outbox: OutboxRebase;
  /** The verification after the copy committed: counts and checksums on both sides. */
  verification: DatabaseComparison;
}

/** The copy's target holds rows and `replace` was not given. */
export class TargetNotEmptyError extends Error {
  /** The target's tables that hold rows, by name. */
  readonly tables: string[];

  constructor(tables: string[]) {
    super(
      `the target database is not empty (${tables.join(', ')} hold rows): copy into a new database, or replace its contents (db copy --replace), which loses everything it holds`,
    );
    this.name = 'TargetNotEmptyError';
    this.tables = tables;
  }
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Copies every table, sequence and outbox position of `source` into `target`, then verifies
 * both hold the same (row counts and checksums table by table, see compareDatabases).
 *
 * The target is migrated first and must then be empty (or `replace` given). Everything is
 * written in one transaction: a failure leaves the target as it was. The tables, their columns
 * and keys come from the catalog, so a table a later migration adds is copied too. Foreign keys
 * are dropped for the copy and added again before the commit (as pg_restore does), which checks
 * every row against them in one pass whatever order the rows came in. Each table is read in
 * primary-key batches of `batchSize` rows (as text, so no value is rounded on the way) inside
 * one read-only snapshot of the source. The outbox's positions are re-based on the target's
 * transaction ids (see rebaseOutboxOrder); event ids, and so the `Last-Event-ID` a client
 * resumes from, stay the same.
 *
 * @example
 * const source = await createDatabase({ dataDirectory: '.data' });
 * const target = await createDatabase({ url: 'postgres://wsc@db.example.org/wsc' });
 * const { verification } = await copyDatabase(source.db, target.db);
 * if (!verification.matches) process.exitCode = 1;
 */
export async function copyDatabase(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
  options: CopyOptions = {},
): Promise<CopyReport> {
  await migrate(target);
  const [sourceShape, targetShape] = [await readSchemaShape(source), await readSchemaShape(target)];
  const differences = schemaDifferences(sourceShape, targetShape);
  if (differences.length > 0) {
    throw new Error(
      `the source and the target database have different schemas (${differences.join('; ')}): start the API once on the source with this version, which migrates it, then copy again`,
    );
  }
  const holdingRows = await tablesHoldingRows(target, targetShape);
  if (holdingRows.length > 0 && !options.replace) throw new TargetNotEmptyError(holdingRows);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const { copied, sequences, outbox } = await source
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((reader) =>
      target.transaction().execute(async (writer) => {
        if (holdingRows.length > 0) {
          const tables = sql.join(targetShape.tables.map((table) => sql.id(table.name)));
          await sql`truncate table ${tables} restart identity`.execute(writer);
        }
        for (const key of targetShape.foreignKeys) {
          await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(writer);
        }
        const copied: CopyReport['copied'] = [];
        for (const table of sourceShape.tables) {
          copied.push({
            table: table.name,
            rows: await copyTable(reader, writer, table, batchSize, options.onProgress),
          });
        }
        for (const key of targetShape.foreignKeys) {
          await sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
            writer,
          );
        }
        const sequences = await copySequences(reader, writer, sourceShape);
        const outbox = await rebaseOutboxOrder(writer, { always: true });
        return { copied, sequences, outbox };
      }),
    );
  const verification = await compareDatabases(source, target);
  return { copied, sequences, outbox, verification };
}

async function tablesHoldingRows(db: Kysely<DatabaseSchema>, shape: SchemaShape): Promise<string[]> {
  const holding: string[] = [];
  for (const table of shape.tables) {
    const result = await sql<{ holds: boolean }>`
      select exists (select 1 from ${sql.id(table.name)}) as holds
    `.execute(db);
    if (result.rows[0]?.holds) holding.push(table.name);
  }
  return holding;
}

/**
 * Copies one table in primary-key order, `batchSize` rows at a time. Rows travel as JSON text
 * (`row_to_json`) and are turned back into the target's column types by PostgreSQL itself
 * (`json_populate_recordset`): no value goes through a JavaScript number or Date.
 */
async function copyTable(
  reader: Kysely<DatabaseSchema>,
  writer: Kysely<DatabaseSchema>,
  table: TableShape,
  batchSize: number,
  onProgress: CopyOptions['onProgress'],
): Promise<number> {
  if (table.primaryKey.length === 0) {
    throw new Error(`table ${table.name} has no primary key: it cannot be read in batches`);
  }
  const name = sql.id(table.name);
  const columns = sql.join(table.columns.map((column) => sql.id(column.name)));
  const key = sql.join(table.primaryKey.map((column) => sql`batch.${sql.id(column.name)}`));
  const keyValues = sql.join(
    table.primaryKey.map(
      (column, index) => sql`batch.${sql.id(column.name)}::text as ${sql.id(`key_${index}`)}`,
    ),
  );
  const counted = await sql<{ rows: string }>`select count(*)::text as rows from ${name}`.execute(reader);
  const total = Number(counted.rows[0]?.rows ?? 0);
  onProgress?.({ table: table.name, copied: 0, total });
  let after: string[] | null = null;
  let copied = 0;
  for (;;) {
    const from: string[] | null = after;
    const position = from
      ? sql`where (${sql.join(table.primaryKey.map((column) => sql.id(column.name)))}) > (${sql.join(
          table.primaryKey.map((column, index) => sql`${from[index]}::${sql.raw(column.type)}`),
        )})`
      : sql``;
    const batch = await sql<Record<string, string>>`
      select row_to_json(batch)::text as row, ${keyValues}
      from (
        select ${columns} from ${name} ${position}
        order by ${sql.join(table.primaryKey.map((column) => sql.id(column.name)))}
        limit ${batchSize}
      ) batch
      order by ${key}
    `.execute(reader);
    const rows = batch.rows;
    if (rows.length === 0) break;
    await sql`
      insert into ${name} (${columns}) overriding system value
      select ${columns} from json_populate_recordset(null::${name}, ${`[${rows.map((row) => row.row).join(',')}]`}::json)
    `.execute(writer);
    copied += rows.length;
    onProgress?.({ table: table.name, copied, total });
    const last = rows[rows.length - 1] as Record<string, string>;
    after = table.primaryKey.map((_, index) => last[`key_${index}`] as string);
    if (rows.length < batchSize) break;
  }
  return copied;
}

/** Sets every target sequence where the source's stands: new rows get fresh ids. */
async function copySequences(
  reader: Kysely<DatabaseSchema>,
  writer: Kysely<DatabaseSchema>,
  shape: SchemaShape,
): Promise<number> {
  for (const sequence of shape.sequences) {
    const result = await sql<{ last_value: string; is_called: boolean }>`
      select last_value::text as last_value, is_called from ${sql.id(sequence)}
    `.execute(reader);
    const position = result.rows[0];
    if (!position) continue;
    await sql`
      select setval(${quoteIdentifier(sequence)}::regclass, ${position.last_value}::int8, ${position.is_called})
    `.execute(writer);
  }
  return shape.sequences.length;
}
