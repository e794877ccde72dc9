import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { readSchemaShape, type SchemaShape, schemaDifferences, type TableShape } from './catalog';

/** What one side holds of a table, a sequence or the outbox's order. */
export interface ObjectDigest {
  /** Rows (a table), events (the outbox order); null for a sequence. */
  rows: number | null;
  /** md5 hex of the contents (a table, the outbox order); a sequence's last value. */
  checksum: string;
}

export interface ObjectCheck {
  kind: 'table' | 'sequence' | 'outbox order';
  name: string;
  /** Null when the object is missing on that side. */
  source: ObjectDigest | null;
  target: ObjectDigest | null;
  matches: boolean;
}

export interface DatabaseComparison {
  /** How the schemas differ (migrations, tables, columns, sequences, foreign keys); empty when they do not. */
  differences: string[];
  /** Tables, then sequences, then the outbox order, each by name. */
  checks: ObjectCheck[];
  /** True when the schemas are the same and every check matches. */
  matches: boolean;
}

type Digests = Map<string, ObjectDigest>;

/**
 * Text output depends on session settings (a timestamp's time zone, a float's digits): both
 * sides read with the same ones, so the same row prints the same text on PGlite and PostgreSQL.
 */
const CANONICAL_SETTINGS = [
  sql`set local timezone = 'UTC'`,
  sql`set local datestyle = 'ISO, YMD'`,
  sql`set local intervalstyle = 'postgres'`,
  sql`set local extra_float_digits = 1`,
  sql`set local bytea_output = 'hex'`,
];

/**
 * The md5 of two sums of halves of each row's md5: the same for the same rows in any order,
 * computed as rows stream by (no sort, no string the size of the table), so it costs the same on
 * both sides whatever their collation.
 */
function hashSum(rowHash: RawBuilder<unknown>): RawBuilder<string> {
  const half = (start: number) =>
    sql`coalesce(sum(('x' || substr(${rowHash}, ${sql.lit(start)}, 16))::bit(64)::int8::numeric), 0)::text`;
  return sql<string>`md5(${half(1)} || ':' || ${half(17)})`;
}

/**
 * A transaction id names a transaction of the database that wrote the row, and a copy re-bases
 * them (see rebaseOutboxOrder): the outbox order check compares what they decide instead.
 */
function comparedColumns(table: TableShape) {
  return table.columns.filter((column) => column.type !== 'xid8');
}

async function tableDigest(db: Kysely<DatabaseSchema>, table: TableShape): Promise<ObjectDigest> {
  const values = sql.join(comparedColumns(table).map((column) => sql.id(column.name)));
  const result = await sql<{ rows: string; checksum: string }>`
    select count(*)::text as rows, ${hashSum(sql`hash`)} as checksum
    from (select md5(row(${values})::text) as hash from ${sql.id(table.name)}) hashed
  `.execute(db);
  const row = result.rows[0];
  return { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
}

async function sequenceDigest(db: Kysely<DatabaseSchema>, sequence: string): Promise<ObjectDigest> {
  const result = await sql<{ last_value: string; is_called: boolean }>`
    select last_value::text as last_value, is_called from ${sql.id(sequence)}
  `.execute(db);
  const row = result.rows[0];
  return { rows: null, checksum: row?.is_called ? row.last_value : 'unused' };
}

/** The outbox's events in the order readers go through them, `(xact_id, id)`. */
async function outboxOrderDigest(db: Kysely<DatabaseSchema>): Promise<ObjectDigest> {
  const result = await sql<{ rows: string; checksum: string }>`
    select count(*)::text as rows, ${hashSum(sql`md5(position || ':' || id)`)} as checksum
    from (select id, row_number() over (order by xact_id, id) as position from outbox_events) ordered
  `.execute(db);
  const row = result.rows[0];
  return { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
}

/**
 * Every table's row count and checksum, every sequence's position and the outbox's order, read
 * in one snapshot. `onTable` hears of each table before it is read.
 *
 * @example
 * const digests = await digestDatabase(database.db, await readSchemaShape(database.db));
 */
async function digestDatabase(
  db: Kysely<DatabaseSchema>,
  shape: SchemaShape,
  onTable: (name: string) => void,
): Promise<Digests> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      for (const setting of CANONICAL_SETTINGS) await setting.execute(trx);
      const digests: Digests = new Map();
      for (const table of shape.tables) {
        onTable(table.name);
        digests.set(`table ${table.name}`, await tableDigest(trx, table));
      }
      for (const sequence of shape.sequences) {
        digests.set(`sequence ${sequence}`, await sequenceDigest(trx, sequence));
      }
      if (shape.tables.some((table) => table.name === 'outbox_events')) {
        digests.set('outbox order outbox_events', await outboxOrderDigest(trx));
      }
      return digests;
    });
}

/**
 * Compares two databases: their schemas, then table by table (row count and checksum of every
 * row's text, computed by the same query on both sides), sequence by sequence (last value) and
 * the outbox's reading order. The object lists come from each side's catalog: a table only one
 * side has is a mismatch.
 *
 * @example
 * const { matches, checks } = await compareDatabases(pglite.db, postgres.db);
 */
export async function compareDatabases(
  source: Kysely<DatabaseSchema>,
  target: Kysely<DatabaseSchema>,
  options: { onTable?: (name: string, side: 'source' | 'target') => void } = {},
): Promise<DatabaseComparison> {
  const [sourceShape, targetShape] = [await readSchemaShape(source), await readSchemaShape(target)];
  const sourceDigests = await digestDatabase(source, sourceShape, (name) =>
    options.onTable?.(name, 'source'),
  );
  const targetDigests = await digestDatabase(target, targetShape, (name) =>
    options.onTable?.(name, 'target'),
  );
  const kinds = ['table', 'sequence', 'outbox order'] as const;
  const keys = [...new Set([...sourceDigests.keys(), ...targetDigests.keys()])].sort((a, b) => {
    const kindOf = (key: string) => kinds.findIndex((kind) => key.startsWith(`${kind} `));
    return kindOf(a) - kindOf(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const checks = keys.map((key): ObjectCheck => {
    const kind = kinds.find((candidate) => key.startsWith(`${candidate} `)) ?? 'table';
    const sourceDigest = sourceDigests.get(key) ?? null;
    const targetDigest = targetDigests.get(key) ?? null;
    return {
      kind,
      name: key.slice(kind.length + 1),
      source: sourceDigest,
      target: targetDigest,
      matches:
        sourceDigest !== null &&
        targetDigest !== null &&
        sourceDigest.rows === targetDigest.rows &&
        sourceDigest.checksum === targetDigest.checksum,
    };
  });
  const differences = schemaDifferences(sourceShape, targetShape);
  return { differences, checks, matches: differences.length === 0 && checks.every((check) => check.matches) };
}
