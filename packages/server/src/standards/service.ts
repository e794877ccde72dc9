import type {
  CoverageLevel,
  CoverageParams,
  CoverageReport,
  Domain,
  Page,
  PainPointCoverage,
  PainPointStatus,
  Standard,
  StandardBody,
  StandardListParams,
  StandardMapping,
  StandardMappingCreate,
} from '@wsc/models';
import { bestCoverage, computeCoverage, transitionPainPoint } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import type { PrincipalAccount } from '../access/principal';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { type DomainError, domainError } from '../errors/domain-error';
import { recordPainPointEvent } from '../pain-points/outbox-events';
import { findPainPoint, findPainPointForUpdate, updatePainPoint } from '../pain-points/repository';
import { recordStandardMappingEvent } from './outbox-events';
import {
  blankNoteInStoredEvents,
  findMappingForUpdate,
  findStandard,
  findStandards,
  listMappings,
  listStandards,
  loadCoverageInput,
  type MappingRow,
  type StandardRow,
  setMappingNoteHidden,
  upsertMapping,
} from './repository';
import { standardMappingView } from './view';

type Database = Kysely<DatabaseSchema>;

/**
 * The API view of a stored standard (every language of its title: official titles matter).
 *
 * @example
 * const standard = toStandard(row);
 */
export function toStandard(row: StandardRow): Standard {
  return {
    id: row.id,
    body: row.body as StandardBody,
    reference: row.reference,
    title: row.title,
    committee: row.committee,
    status: row.status as Standard['status'],
    publicationYear: row.publication_year,
    domains: row.domains as Domain[],
    url: row.url,
  };
}

/**
 * The API view of a mapping. A note a moderator hid is withheld from everyone but moderators,
 * as a hidden comment's text is.
 */
function toMapping(
  row: MappingRow,
  standard: StandardRow | undefined,
  viewer: PrincipalAccount | null,
): StandardMapping {
  return {
    ...standardMappingView(row, hasRole(viewer, 'moderator')),
    ...(standard ? { standard: toStandard(standard) } : {}),
  };
}

/**
 * One page of the standards catalogue, in id order.
 *
 * @example
 * const page = await listStandardPage(db, { body: 'ITU', limit: 20 });
 */
export async function listStandardPage(db: Database, params: StandardListParams): Promise<Page<Standard>> {
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: 'standards',
    keyTypes: ['string'],
    read: (after, count) => listStandards(db, params, after ? String(after[0]) : null, count),
    keysOf: (row) => [row.id],
    toItem: toStandard,
  });
}

/**
 * Reads one standard or throws 404.
 *
 * @example
 * await getStandard(db, 'iso-37120-2018');
 */
export async function getStandard(db: Database, id: string): Promise<Standard> {
  const row = await findStandard(db, id);
  if (!row) throw domainError('not-found', { detail: `No standard has the id ${id}.` });
  return toStandard(row);
}

function painPointNotFound(id: string): DomainError {
  return domainError('not-found', { detail: `No pain point has the id ${id}.` });
}

/**
 * The standards mapped to a pain point (each embedded) and its overall coverage: the best
 * coverage among the mappings, `none` without any.
 *
 * @example
 * const { coverage, mappings } = await getPainPointCoverage(db, painPointId);
 */
export async function getPainPointCoverage(
  db: Database,
  painPointId: string,
  viewer: PrincipalAccount | null = null,
): Promise<PainPointCoverage> {
  if (!(await findPainPoint(db, painPointId))) throw painPointNotFound(painPointId);
  const rows = await listMappings(db, painPointId);
  const standards = new Map(
    (await findStandards(db, [...new Set(rows.map((row) => row.standard_id))])).map((row) => [row.id, row]),
  );
  const mappings = rows.map((row) => toMapping(row, standards.get(row.standard_id), viewer));
  const coverage = mappings.reduce<CoverageLevel>(
    // This server's own mappings: their levels are the ones it knows.
    (best, mapping) => bestCoverage(best, mapping.coverage as CoverageLevel),
    'none',
  );
  return { painPointId, coverage, mappings };
}

/**
 * An expert maps a standard to a pain point (mapping it again replaces the judgement). A
 * `full` or `partial` mapping moves the pain point to `mapped` when its lifecycle allows it
 * (from open or under-review), recorded in the audit log like any status move. A note is
 * discussion: a locked discussion takes no new or changed note (409 `discussion-locked`, field
 * `note`), while a judgement without one is still taken. A note a moderator hid stays hidden
 * when the expert maps again, until a moderator restores it.
 *
 * @example
 * await mapStandard(db, actor, painPointId, { standardId: 'iso-37120-2018', coverage: 'partial', clause: '5.3' });
 */
export async function mapStandard(
  db: Database,
  actor: Actor,
  painPointId: string,
  input: StandardMappingCreate,
): Promise<{ mapping: StandardMapping; created: boolean }> {
  const account = actor.account;
  if (!account) throw domainError('authentication-required');
  return db.transaction().execute(async (trx) => {
    const painPoint = await findPainPointForUpdate(trx, painPointId);
    if (!painPoint) throw painPointNotFound(painPointId);
    const standard = await findStandard(trx, input.standardId);
    if (!standard) {
      throw domainError('validation-failed', {
        detail: `No standard has the id ${input.standardId}.`,
        errors: [{ path: 'standardId', message: 'Unknown standard: see GET /v1/standards' }],
      });
    }
    // Each mapping is one expert's judgement: another expert may not silently replace it (and
    // erase who made it); a moderator may, and the audit log keeps the replaced judgement.
    const existing = await findMappingForUpdate(trx, painPointId, input.standardId);
    const note = input.note ?? null;
    if (painPoint.locked && note !== null && note !== (existing?.note ?? null)) {
      throw domainError('discussion-locked', {
        detail:
          "A moderator locked this pain point's discussion: no new notes on standard mappings. Map the standard without a note, or ask a moderator to unlock the discussion.",
        errors: [{ path: 'note', message: 'The discussion is locked: no new notes' }],
      });
    }
    const previousExpert = existing?.expert_id ?? null;
    const replacesAnother = previousExpert !== null && previousExpert !== account.id;
    if (existing && replacesAnother && !hasRole(account, 'moderator')) {
      throw domainError('mapping-owned', {
        detail: `Expert ${previousExpert} mapped ${input.standardId} to this pain point; only they or a moderator may change that judgement. Discuss it in the comments.`,
      });
    }
    const { row, created } = await upsertMapping(trx, {
      painPointId,
      standardId: input.standardId,
      coverage: input.coverage,
      clause: input.clause ?? null,
      note: input.note ?? null,
      expertId: account.id,
      partnerId: actor.partnerId,
    });
    if (input.coverage !== 'none') {
      const from = painPoint.status as PainPointStatus;
      const move = transitionPainPoint(from, 'mapped', { actorRoles: account.roles, painPointId });
      if (move.ok) {
        await updatePainPoint(trx, painPointId, { status: 'mapped' });
        await recordAudit(trx, {
          actorId: account.id,
          partnerId: actor.partnerId,
          requestId: actor.requestId,
          action: 'pain_point.status_changed',
          subjectType: 'pain_point',
          subjectId: painPointId,
          data: { from, to: 'mapped', standardId: input.standardId },
        });
        await recordPainPointEvent(trx, 'pain_point.updated', painPointId, actor.partnerId);
      }
    }
    if (existing && replacesAnother) {
      await recordAudit(trx, {
        actorId: account.id,
        partnerId: actor.partnerId,
        requestId: actor.requestId,
        action: 'standard_mapping.replaced',
        subjectType: 'standard_mapping',
        subjectId: row.id,
        data: {
          painPointId,
          standardId: input.standardId,
          previous: {
            expertId: existing.expert_id,
            coverage: existing.coverage,
            clause: existing.clause,
            note: existing.note,
          },
        },
      });
    }
    if (created) await recordStandardMappingEvent(trx, row, actor.partnerId);
    return { mapping: toMapping(row, standard, account), created };
  });
}

/**
 * Hides (`hidden: true`, with a reason) or restores the note of a standard mapping (moderators),
 * recorded in the audit log. Hiding also withdraws the note from the mapping's stored events, so
 * replays and pending webhook deliveries no longer carry it; restoring shows it in the API again
 * and leaves stored events blank, as for comments.
 *
 * @example
 * await moderateMappingNote(db, actor, painPointId, 'iso-37120-2018', { hidden: true, reason: 'Personal data' });
 */
export async function moderateMappingNote(
  db: Database,
  actor: Actor,
  painPointId: string,
  standardId: string,
  change: { hidden: boolean; reason: string | null },
): Promise<StandardMapping> {
  const account = actor.account;
  if (!account) throw domainError('authentication-required');
  return db.transaction().execute(async (trx) => {
    const existing = await findMappingForUpdate(trx, painPointId, standardId);
    if (!existing) {
      throw domainError('not-found', {
        detail: `No mapping of standard ${standardId} to pain point ${painPointId}.`,
      });
    }
    await setMappingNoteHidden(trx, existing.id, {
      hidden: change.hidden,
      reason: change.reason,
      moderatorId: account.id,
    });
    if (change.hidden) await blankNoteInStoredEvents(trx, existing.id);
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: change.hidden ? 'standard_mapping.note_hidden' : 'standard_mapping.note_restored',
      subjectType: 'standard_mapping',
      subjectId: existing.id,
      data: {
        painPointId,
        standardId,
        wasHidden: existing.note_hidden,
        ...(change.reason ? { reason: change.reason } : {}),
      },
    });
    const row = (await findMappingForUpdate(trx, painPointId, standardId)) as MappingRow;
    return toMapping(row, await findStandard(trx, standardId), account);
  });
}

/**
 * The gap report (rule `computeCoverage` of @wsc/models) over open pain points — closed ones
 * and duplicates are left out — with the gap list capped at `gapLimit`.
 *
 * @example
 * const report = await coverageReport(db, { gapLimit: 100 });
 */
export async function coverageReport(db: Database, params: CoverageParams): Promise<CoverageReport> {
  const { painPointRows, mappingRows, standardRows } = await loadCoverageInput(db, params.domain);
  const report = computeCoverage({
    painPoints: painPointRows.map((row) => ({
      id: row.id,
      domain: row.domain as Domain,
      voteCount: row.vote_count,
    })),
    mappings: mappingRows.map((row) => ({
      painPointId: row.pain_point_id,
      standardId: row.standard_id,
      coverage: row.coverage as CoverageLevel,
    })),
    standards: standardRows.map((row) => ({ id: row.id, body: row.body as StandardBody })),
    generatedAt: new Date().toISOString(),
  });
  return { ...report, gaps: report.gaps.slice(0, params.gapLimit) };
}
