import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/** The table `migrate()` keeps its own books in: compared between databases, never copied. */
export const MIGRATIONS_TABLE = 'schema_migrations';

const CURRENT_SCHEMA = sql`(select oid from pg_namespace where nspname = current_schema())`;

export interface ColumnShape {
  name: string;
  /** The column's type as SQL spells it (`text`, `bigint`, `timestamp with time zone`…). */
  type: string;
}

export interface TableShape {
  name: string;
  /**
   * The columns that hold data, in table order. Stored generated columns (search vectors) are
   * left out: each database computes them from the others.
   */
  columns: ColumnShape[];
  /** Primary-key columns in key order: batches are read in this order. */
  primaryKey: ColumnShape[];
}

export interface ForeignKeyShape {
  table: string;
  name: string;
  /** `FOREIGN KEY (…) REFERENCES …`, as `pg_get_constraintdef` writes it. */
  definition: string;
}

/** What a database holds, read from its catalog: nothing here is a list kept by hand. */
export interface SchemaShape {
  /** Every table of the schema but {@link MIGRATIONS_TABLE}, by name. */
  tables: TableShape[];
  /** Every sequence (serial columns, identity columns), by name. */
  sequences: string[];
  foreignKeys: ForeignKeyShape[];
  /** Migrations applied, by name. */
  migrations: string[];
}

/**
 * Reads the tables, columns, keys and sequences of the current schema from the catalog.
 *
 * @example
 * const shape = await readSchemaShape(database.db);
 * shape.tables.map((table) => table.name); // ['account_mail_tokens', 'accounts', …]
 */
export async function readSchemaShape(db: Kysely<DatabaseSchema>): Promise<SchemaShape> {
  const columns = await sql<{
    table: string;
    name: string;
    type: string;
    generated: boolean;
    key: number | null;
  }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated <> '' as generated, array_position(k.conkey, a.attnum) as key
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
    where c.relnamespace = ${CURRENT_SCHEMA} and c.relkind in ('r', 'p')
      and c.relname <> ${MIGRATIONS_TABLE}
    order by c.relname collate "C", a.attnum
  `.execute(db);
  const tables = new Map<string, TableShape & { keyOrder: { column: ColumnShape; position: number }[] }>();
  for (const row of columns.rows) {
    let table = tables.get(row.table);
    if (!table) {
      table = { name: row.table, columns: [], primaryKey: [], keyOrder: [] };
      tables.set(row.table, table);
    }
    const column = { name: row.name, type: row.type };
    if (!row.generated) table.columns.push(column);
    if (row.key !== null) table.keyOrder.push({ column, position: Number(row.key) });
  }
  const sequences = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = ${CURRENT_SCHEMA} and relkind = 'S'
    order by relname collate "C"
  `.execute(db);
  const foreignKeys = await sql<ForeignKeyShape>`
    select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where c.relnamespace = ${CURRENT_SCHEMA} and k.contype = 'f'
    order by c.relname collate "C", k.conname collate "C"
  `.execute(db);
  const migrations = await sql<{ name: string }>`
    select name from schema_migrations order by name collate "C"
  `.execute(db);
  return {
    tables: [...tables.values()].map(({ keyOrder, ...table }) => ({
      ...table,
      primaryKey: keyOrder.sort((a, b) => a.position - b.position).map((key) => key.column),
    })),
    sequences: sequences.rows.map((row) => row.name),
    foreignKeys: foreignKeys.rows,
    migrations: migrations.rows.map((row) => row.name),
  };
}

/**
 * How two schemas differ, in words an operator can act on (empty when they hold the same
 * migrations, tables, columns, sequences and foreign keys).
 *
 * @example
 * schemaDifferences(source, target); // ['migration 0014_metrics.sql is applied to the source only']
 */
export function schemaDifferences(source: SchemaShape, target: SchemaShape): string[] {
  const differences: string[] = [];
  const compare = (what: string, left: readonly string[], right: readonly string[]) => {
    for (const name of left.filter((item) => !right.includes(item)))
      differences.push(`${what} ${name} is in the source only`);
    for (const name of right.filter((item) => !left.includes(item)))
      differences.push(`${what} ${name} is in the target only`);
  };
  compare('migration', source.migrations, target.migrations);
  compare(
    'table',
    source.tables.map((table) => table.name),
    target.tables.map((table) => table.name),
  );
  compare('sequence', source.sequences, target.sequences);
  const describeKeys = (shape: SchemaShape) =>
    shape.foreignKeys.map((key) => `${key.table}.${key.name} (${key.definition})`);
  compare('foreign key', describeKeys(source), describeKeys(target));
  for (const table of source.tables) {
    const other = target.tables.find((candidate) => candidate.name === table.name);
    if (!other) continue;
    const describe = (shape: TableShape) => shape.columns.map((column) => `${column.name} ${column.type}`);
    compare(`column of ${table.name}:`, describe(table), describe(other));
  }
  return differences;
}
