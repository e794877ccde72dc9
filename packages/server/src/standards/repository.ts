import type { Domain, StandardBody, StandardStatus } from '@wsc/models';
import { type Kysely, sql } from 'kysely';
import { textSearchCondition } from '../community/text-search';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** A stored standard. */
export interface StandardRow {
  id: string;
  body: string;
  reference: string;
  title: Record<string, string>;
  committee: string;
  status: string;
  publication_year: number | null;
  domains: string[];
  url: string;
}

const STANDARD_COLUMNS = [
  'standards.id',
  'standards.body',
  'standards.reference',
  'standards.title',
  'standards.committee',
  'standards.status',
  'standards.publication_year',
  'standards.domains',
  'standards.url',
] as const;

/** Filters of `GET /v1/standards`, already validated. */
export interface StandardFilters {
  body?: StandardBody | undefined;
  committee?: string | undefined;
  domain?: Domain | undefined;
  status?: StandardStatus | undefined;
  q?: string | undefined;
}

/**
 * One page of the catalogue in id order (ids are reference slugs), after `afterId`;
 * `limit + 1` rows so the caller knows whether another page follows.
 *
 * @example
 * const rows = await listStandards(db, { body: 'ISO', q: 'indicators' }, null, 21);
 */
export async function listStandards(
  db: Database,
  filters: StandardFilters,
  afterId: string | null,
  limit: number,
): Promise<StandardRow[]> {
  let query = db.selectFrom('standards').select(STANDARD_COLUMNS);
  if (filters.body) query = query.where('standards.body', '=', filters.body);
  if (filters.committee)
    query = query.where(sql<boolean>`lower(standards.committee) = lower(${filters.committee})`);
  if (filters.domain)
    query = query.where(sql<boolean>`standards.domains @> array[${filters.domain}]::text[]`);
  if (filters.status) query = query.where('standards.status', '=', filters.status);
  const search = textSearchCondition('standards', filters.q);
  if (search) query = query.where(search);
  if (afterId !== null) query = query.where('standards.id', '>', afterId);
  return query.orderBy('standards.id', 'asc').limit(limit).execute();
}

/**
 * Reads one standard by id.
 *
 * @example
 * await findStandard(db, 'iso-37120-2018');
 */
export async function findStandard(db: Database, id: string): Promise<StandardRow | undefined> {
  return db
    .selectFrom('standards')
    .select(STANDARD_COLUMNS)
    .where('standards.id', '=', id)
    .executeTakeFirst();
}

/** A stored mapping with its standard. */
export interface MappingRow {
  id: string;
  pain_point_id: string;
  standard_id: string;
  coverage: string;
  clause: string | null;
  note: string | null;
  /** A moderator hid the note. */
  note_hidden: boolean;
  expert_id: string | null;
  created_at: Date;
}

const MAPPING_COLUMNS = [
  'standard_mappings.id',
  'standard_mappings.pain_point_id',
  'standard_mappings.standard_id',
  'standard_mappings.coverage',
  'standard_mappings.clause',
  'standard_mappings.note',
  sql<boolean>`standard_mappings.note_hidden_at is not null`.as('note_hidden'),
  'standard_mappings.expert_id',
  'standard_mappings.created_at',
] as const;

/**
 * The mappings of one pain point, best coverage first.
 *
 * @example
 * const mappings = await listMappings(db, painPointId);
 */
export async function listMappings(db: Database, painPointId: string): Promise<MappingRow[]> {
  return db
    .selectFrom('standard_mappings')
    .select(MAPPING_COLUMNS)
    .where('standard_mappings.pain_point_id', '=', painPointId)
    .orderBy(sql`case standard_mappings.coverage when 'full' then 0 when 'partial' then 1 else 2 end`)
    .orderBy('standard_mappings.standard_id')
    .execute();
}

/**
 * The standards with the given ids.
 *
 * @example
 * const standards = await findStandards(db, ['iso-37120-2018']);
 */
export async function findStandards(db: Database, ids: readonly string[]): Promise<StandardRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('standards')
    .select(STANDARD_COLUMNS)
    .where('standards.id', 'in', [...ids])
    .execute();
}

/**
 * The mapping of one standard to one pain point, locked until the transaction ends (so two
 * experts mapping at once are decided one after the other).
 *
 * @example
 * const existing = await findMappingForUpdate(trx, painPointId, 'iso-37120-2018');
 */
export async function findMappingForUpdate(
  db: Database,
  painPointId: string,
  standardId: string,
): Promise<MappingRow | undefined> {
  return db
    .selectFrom('standard_mappings')
    .select(MAPPING_COLUMNS)
    .where('standard_mappings.pain_point_id', '=', painPointId)
    .where('standard_mappings.standard_id', '=', standardId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Stores an expert's mapping; mapping the same standard again replaces the judgement.
 * Returns the row and whether it was new.
 *
 * @example
 * const { row, created } = await upsertMapping(trx, { painPointId, standardId: 'iso-37120-2018', coverage: 'partial', … });
 */
export async function upsertMapping(
  db: Database,
  mapping: {
    painPointId: string;
    standardId: string;
    coverage: string;
    clause: string | null;
    note: string | null;
    expertId: string;
    partnerId: string | null;
  },
): Promise<{ row: MappingRow; created: boolean }> {
  const row = await db
    .insertInto('standard_mappings')
    .values({
      pain_point_id: mapping.painPointId,
      standard_id: mapping.standardId,
      coverage: mapping.coverage,
      clause: mapping.clause,
      note: mapping.note,
      expert_id: mapping.expertId,
      partner_id: mapping.partnerId,
    })
    .onConflict((conflict) =>
      conflict.columns(['pain_point_id', 'standard_id']).doUpdateSet({
        coverage: mapping.coverage,
        clause: mapping.clause,
        note: mapping.note,
        expert_id: mapping.expertId,
        partner_id: mapping.partnerId,
        updated_at: sql`now()` as never,
      }),
    )
    // xmax = 0 only for a freshly inserted row version: tells insert from update in one statement.
    .returning([...MAPPING_COLUMNS, sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  const { created, ...mappingRow } = row;
  return { row: mappingRow, created };
}

/**
 * What the coverage rule reads: open pain points (not closed, not duplicates), every mapping
 * and every standard's body.
 *
 * @example
 * const input = await loadCoverageInput(db, 'water');
 */
export async function loadCoverageInput(db: Database, domain: Domain | undefined) {
  let painPoints = db
    .selectFrom('pain_points')
    .select(['id', 'domain', 'vote_count'])
    .where('status', 'not in', ['closed', 'duplicate']);
  if (domain) painPoints = painPoints.where('domain', '=', domain);
  const [painPointRows, mappingRows, standardRows] = await Promise.all([
    painPoints.execute(),
    db.selectFrom('standard_mappings').select(['pain_point_id', 'standard_id', 'coverage']).execute(),
    db.selectFrom('standards').select(['id', 'body']).execute(),
  ]);
  return { painPointRows, mappingRows, standardRows };
}

/**
 * Hides a mapping's note (a moderator, with the reason) or shows it again, in the caller's
 * transaction.
 *
 * @example
 * await setMappingNoteHidden(trx, mappingId, { hidden: true, reason: 'Personal data', moderatorId });
 */
export async function setMappingNoteHidden(
  db: Database,
  id: string,
  change: { hidden: boolean; reason: string | null; moderatorId: string },
): Promise<void> {
  await db
    .updateTable('standard_mappings')
    .set(
      change.hidden
        ? {
            note_hidden_at: sql`now()` as never,
            note_hidden_reason: change.reason,
            note_hidden_by: change.moderatorId,
          }
        : { note_hidden_at: null, note_hidden_reason: null, note_hidden_by: null },
    )
    .where('id', '=', id)
    .execute();
}

/**
 * Withdraws a mapping's note from its stored events (`standard_mapping.created`), which replays
 * and pending webhook deliveries read, as a hidden comment's text is withdrawn.
 *
 * @example
 * await blankNoteInStoredEvents(trx, mappingId);
 */
export async function blankNoteInStoredEvents(db: Database, id: string): Promise<void> {
  await sql`
    update outbox_events
    set data = jsonb_set(jsonb_set(data, '{note}', 'null'::jsonb), '{noteHidden}', 'true'::jsonb)
    where subject_type = 'standard_mapping' and subject_id = ${id}
      and type = 'standard_mapping.created'
  `.execute(db);
}
