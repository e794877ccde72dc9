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

/** One table, sequence or the outbox order, as each side holds it. */
export interface ObjectCheck {
  /** What is compared: a table's rows, a sequence's position, or the order readers go through the outbox. */
  kind: 'table' | 'sequence' | 'outbox order';
  /** The table's or the sequence's name (`outbox_events` for the outbox order). */
  name: string;
  /** What the source holds; null when the object is missing there. */
  source: ObjectDigest | null;
  /** What the target holds; null when the object is missing there. */
  target: ObjectDigest | null;
  /** True when both sides hold it, with the same rows and checksum. */
  matches: boolean;
}

/** How two databases compare: what {@link compareDatabases} answers. */
export interface DatabaseComparison {
  /** How the schemas differ (migrations, tables, columns, sequences, foreign keys); empty when they do not. */
  differences: string[];
  /** Tables, then sequences, then the outbox order, each by name. */
  checks: ObjectCheck[];
  /** True when the schemas are the same and every check matches. */
  matches: boolean;
}

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

/** One object a side holds, with what it holds of it. */
interface Digest {
  kind: ObjectCheck['kind'];
  name: string;
  digest: ObjectDigest;
}

const KINDS: readonly ObjectCheck['kind'][] = ['table', 'sequence', 'outbox order'];

/**
 * Every table's row count and checksum, every sequence's position and the outbox's order, read
 * in one snapshot, in that order.
 */
async function digestDatabase(db: Kysely<DatabaseSchema>, shape: SchemaShape): Promise<Digest[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      for (const setting of CANONICAL_SETTINGS) await setting.execute(trx);
      const digests: Digest[] = [];
      for (const table of shape.tables) {
        digests.push({ kind: 'table', name: table.name, digest: await tableDigest(trx, table) });
      }
      for (const sequence of shape.sequences) {
        digests.push({ kind: 'sequence', name: sequence, digest: await sequenceDigest(trx, sequence) });
      }
      if (shape.tables.some((table) => table.name === 'outbox_events')) {
        digests.push({ kind: 'outbox order', name: 'outbox_events', digest: await outboxOrderDigest(trx) });
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
): Promise<DatabaseComparison> {
  const [sourceShape, targetShape] = [await readSchemaShape(source), await readSchemaShape(target)];
  const key = (digest: Pick<Digest, 'kind' | 'name'>) => `${digest.kind}/${digest.name}`;
  const sourceDigests = new Map(
    (await digestDatabase(source, sourceShape)).map((digest) => [key(digest), digest]),
  );
  const targetDigests = new Map(
    (await digestDatabase(target, targetShape)).map((digest) => [key(digest), digest]),
  );
  const objects = [...new Map([...sourceDigests, ...targetDigests]).values()].sort(
    (a, b) =>
      KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const checks = objects.map(({ kind, name }): ObjectCheck => {
    const sourceDigest = sourceDigests.get(key({ kind, name }))?.digest ?? null;
    const targetDigest = targetDigests.get(key({ kind, name }))?.digest ?? null;
    return {
      kind,
      name,
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
