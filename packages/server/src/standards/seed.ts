import { samplePainPoints, standards } from '@wsc/models/catalogue';
import { sql } from 'kysely';
import { trendingScoreSql } from '../community/trending';
import type { Seeder } from '../database/seeders';

/**
 * The standards of `@wsc/models/catalogue`. Existing ids are left alone, so running it again
 * (or after an edit by hand) changes nothing.
 */
export const standardsSeeder: Seeder = {
  name: 'standards-v1',
  async run(db) {
    if (standards.length === 0) return;
    await db
      .insertInto('standards')
      .values(
        standards.map((standard) => ({
          id: standard.id,
          body: standard.body,
          reference: standard.reference,
          title: JSON.stringify(standard.title),
          committee: standard.committee,
          status: standard.status,
          publication_year: standard.publicationYear,
          domains: [...standard.domains],
          url: standard.url,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  },
};

/**
 * The illustrative sample pain points of the catalogue, flagged `sample`, keyed by slug so a
 * second run inserts nothing.
 */
export const samplePainPointsSeeder: Seeder = {
  name: 'sample-pain-points-v1',
  async run(db) {
    if (samplePainPoints.length === 0) return;
    // One statement for all samples: every test reset runs this seeder again.
    await db
      .insertInto('pain_points')
      .values(
        samplePainPoints.map((sample) => ({
          slug: sample.slug,
          title: JSON.stringify(sample.title),
          description: JSON.stringify(sample.description),
          // The author's language is the first one the title is given in.
          language:
            Object.keys(sample.title).find((key) => (sample.title as Record<string, string>)[key]) ?? 'en',
          domain: sample.domain,
          city: sample.city,
          country: sample.country,
          severity: sample.severity,
          sample: true,
          author_id: null,
          partner_id: null,
          trending_score: trendingScoreSql(sql.lit(0), sql`now()`) as never,
        })),
      )
      .onConflict((conflict) => conflict.column('slug').doNothing())
      .execute();
  },
};
