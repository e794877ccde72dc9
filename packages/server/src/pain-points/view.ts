import type { Language, PainPointStatus, PainPointView } from '@wsc/models';
import { localizePair } from '../community/localization';
import type { PainPointRow } from './repository';

/** The stored columns a pain point's API shape is built from (sort keys left out). */
export type PainPointViewRow = Omit<PainPointRow, 'trending_score' | 'created_at_key'>;

/** The pain point in every language it has: webhook and live bodies, and the member's export. */
export type PainPointRecord = Omit<PainPointView, 'voted' | 'slug'> & { slug: string | null };

/**
 * The pain point in every language it has, as webhook and live bodies carry it and the data
 * export holds it: the same fields, in the same order, as {@link painPointView}, the viewer's
 * `voted` aside.
 *
 * @example
 * await recordEvent(trx, { type: 'pain_point.created', data: painPointRecord(row), … });
 */
export function painPointRecord(row: PainPointViewRow): PainPointRecord {
  const text = { title: row.title, description: row.description, language: row.language as Language };
  // Never `voted`: an event or an export is not one viewer's answer.
  return painPointFields(row, text, undefined);
}

/**
 * The pain point as the API answers it: its title and description reduced to the reader's
 * language (`language` says which one was served), and `voted` when a viewer was given.
 *
 * @example
 * const painPoint = painPointView(row, ['zh', 'en']);
 */
export function painPointView(row: PainPointViewRow, languages: readonly Language[]): PainPointView {
  const text = localizePair(row.title, row.description, row.language as Language, languages);
  return painPointFields(row, text, row.voted);
}

/** Every field built by name (no row is spread), so a column added to the table never leaks. */
function painPointFields(
  row: PainPointViewRow,
  text: { title: Record<string, string>; description: Record<string, string>; language: Language },
  voted: boolean | undefined,
) {
  return {
    id: row.id,
    slug: row.slug,
    title: text.title,
    description: text.description,
    language: text.language,
    domain: row.domain as PainPointView['domain'],
    city: row.city,
    country: row.country,
    severity: row.severity as PainPointView['severity'],
    status: row.status as PainPointStatus,
    duplicateOf: row.duplicate_of,
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    locked: row.locked,
    sample: row.sample,
    ...(voted === undefined ? {} : { voted }),
    authorId: row.author_id,
    partnerId: row.partner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
