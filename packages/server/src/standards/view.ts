import type { CoverageLevel, StandardMapping } from '@wsc/models';
import type { MappingRow } from './repository';

/**
 * An expert's mapping of a standard to a pain point as the API shows it. A note a moderator
 * hid is withheld (`note: null`, `noteHidden: true`) unless `revealHiddenNote`: for moderators
 * and the expert's own export, as a hidden comment's text is.
 *
 * @example
 * const mapping = standardMappingView(row, hasRole(viewer, 'moderator'));
 */
export function standardMappingView(row: MappingRow, revealHiddenNote: boolean): StandardMapping {
  return {
    id: row.id,
    painPointId: row.pain_point_id,
    standardId: row.standard_id,
    coverage: row.coverage as CoverageLevel,
    clause: row.clause,
    note: row.note_hidden && !revealHiddenNote ? null : row.note,
    noteHidden: row.note_hidden,
    // A mapping outlives its expert's account: the id stays as an anonymous reference.
    expertId: row.expert_id ?? '',
    createdAt: row.created_at.toISOString(),
  };
}
