import type { Domain, Language } from '@wsc/models';
import type { ProgrammeProposalParams, ProgrammeProposals } from '@wsc/models/partner';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { findPainPoint, type PainPointRow } from '../pain-points/repository';
import { painPointView } from '../pain-points/view';
import type { EventRow } from './repository';

/** Pain points still waiting for an answer: not yet addressed, closed or merged. */
export const UNRESOLVED_STATUSES = ['open', 'under-review', 'mapped'] as const;

/**
 * The community's programme proposals for an event: per domain, the most-voted unresolved pain
 * points that no session of the event discusses yet (ties: older first). Domains without such
 * pain points are left out; domains are ordered by their top vote count.
 *
 * @example
 * const proposals = await programmeProposals(db, event, { perDomain: 3 }, ['en']);
 */
export async function programmeProposals(
  db: Kysely<DatabaseSchema>,
  event: Pick<EventRow, 'id'>,
  params: ProgrammeProposalParams,
  languages: readonly Language[],
): Promise<ProgrammeProposals> {
  let ranked = db
    .selectFrom('pain_points as p')
    .select([
      'p.id',
      'p.domain',
      'p.vote_count',
      sql<number>`row_number() over (partition by p.domain order by p.vote_count desc, p.created_at, p.id)`.as(
        'rank',
      ),
    ])
    .where('p.status', 'in', [...UNRESOLVED_STATUSES])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('event_session_pain_points as l')
            .innerJoin('event_sessions as s', 's.id', 'l.session_id')
            .select('l.pain_point_id')
            .whereRef('l.pain_point_id', '=', 'p.id')
            .where('s.event_id', '=', event.id),
        ),
      ),
    );
  if (params.domain) ranked = ranked.where('p.domain', '=', params.domain);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('ranked.rank', '<=', params.perDomain)
    .orderBy('ranked.domain')
    .orderBy('ranked.rank')
    .execute();

  // At most perDomain × 11 domains reads, through the pain points' own repository.
  const painPoints = await Promise.all(rows.map((row) => findPainPoint(db, row.id)));
  const byDomain = new Map<string, PainPointRow[]>();
  for (const painPoint of painPoints) {
    if (!painPoint) continue;
    const list = byDomain.get(painPoint.domain) ?? [];
    list.push(painPoint);
    byDomain.set(painPoint.domain, list);
  }
  const data = [...byDomain.entries()]
    .map(([domain, painPoints]) => ({
      domain: domain as Domain,
      painPoints: painPoints.map((row) => painPointView(row, languages)),
    }))
    .sort(
      (left, right) =>
        (right.painPoints[0]?.voteCount ?? 0) - (left.painPoints[0]?.voteCount ?? 0) ||
        left.domain.localeCompare(right.domain),
    );
  return { eventId: event.id, data };
}
