import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

/** What a partner's stats count, each a number of rows attributed to the partner. */
export interface PartnerActivityCounts {
  signups: number;
  painPoints: number;
  votes: number;
  comments: number;
  registrations: number;
}

/** The tables whose rows record the partner they came through, by the count they feed. */
const ATTRIBUTED_TABLES = {
  // A member's profile carries the partner they signed up through (sign-up with its publishable
  // key, or the first SSO sign-in); erasing an account removes its profile, and so its count.
  signups: 'stakeholders',
  painPoints: 'pain_points',
  votes: 'votes',
  comments: 'comments',
  registrations: 'registrations',
} as const satisfies Record<keyof PartnerActivityCounts, keyof DatabaseSchema>;

/**
 * Counts the rows each table attributes to `partnerId` created in the half-open window
 * `[from, to)`, in one round trip. Rows count as written: a comment hidden later or a
 * registration cancelled later still counts; a vote taken back is gone and does not.
 *
 * @example
 * const counts = await countPartnerActivity(app.db, partner.id, { from, to });
 * counts.painPoints; // 3
 */
export async function countPartnerActivity(
  db: Kysely<DatabaseSchema>,
  partnerId: string,
  window: { from: Date; to: Date },
): Promise<PartnerActivityCounts> {
  const row = await db
    .selectNoFrom((eb) =>
      (Object.keys(ATTRIBUTED_TABLES) as (keyof PartnerActivityCounts)[]).map((name) =>
        eb
          .selectFrom(ATTRIBUTED_TABLES[name])
          .select(eb.fn.countAll<string | number>().as('count'))
          .where('partner_id', '=', partnerId)
          .where('created_at', '>=', window.from)
          .where('created_at', '<', window.to)
          .as(name),
      ),
    )
    .executeTakeFirstOrThrow();
  // count(*) is a bigint: node-postgres reads it as a string, PGlite as a number.
  const counts = row as Record<keyof PartnerActivityCounts, string | number | null>;
  return {
    signups: Number(counts.signups ?? 0),
    painPoints: Number(counts.painPoints ?? 0),
    votes: Number(counts.votes ?? 0),
    comments: Number(counts.comments ?? 0),
    registrations: Number(counts.registrations ?? 0),
  };
}
