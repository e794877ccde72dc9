import type { CoverageReport, Page, PainPointCoverage, Standard, StandardMapping } from '@wsc/models';
import { samplePainPoints, standards } from '@wsc/models/catalogue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint } from '../community/fixtures';
import { seed } from '../seeders';
import { createTestServer, databases, type SignedUp, signUp, type TestServer } from '../test-support';
import { samplePainPointsSeeder, standardsSeeder } from './seed';

describe.each(databases())('standards, mappings and coverage on $kind', ({ kind }) => {
  let app: TestServer;
  let member: SignedUp;
  let expert: SignedUp;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [standardsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    member = await signUp(app);
    expert = await signUp(app, { roles: ['expert'] });
  });
  afterAll(() => app.dispose());

  async function listStandards(query: string): Promise<Page<Standard>> {
    const response = await app.inject({ url: `/v1/standards?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page<Standard>;
  }

  async function map(painPointId: string, payload: Record<string, unknown>, headers = expert.headers) {
    return app.inject({ method: 'POST', url: `/v1/pain-points/${painPointId}/standards`, headers, payload });
  }

  describe('catalogue', () => {
    it('holds the whole catalogue, paged by id', async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Standard> = await listStandards(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        ids.push(...page.data.map((standard) => standard.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toEqual(standards.map((standard) => standard.id).sort());
    });

    it('filters by body, committee, domain, status and words', async () => {
      const itu = await listStandards('body=ITU&limit=100');
      expect(itu.data.length).toBeGreaterThan(0);
      expect(itu.data.every((standard) => standard.body === 'ITU')).toBe(true);
      const committee = await listStandards(`committee=${encodeURIComponent('iso/tc 268')}&limit=100`);
      expect(committee.data.length).toBeGreaterThan(0);
      expect(committee.data.every((standard) => standard.committee === 'ISO/TC 268')).toBe(true);
      const water = await listStandards('domain=water&limit=100');
      expect(water.data.every((standard) => standard.domains.includes('water'))).toBe(true);
      expect(water.data.map((standard) => standard.id)).toContain('iso-37120-2018');
      const published = await listStandards('status=published&limit=100');
      expect(published.data.every((standard) => standard.status === 'published')).toBe(true);
      const indicators = await listStandards(`q=${encodeURIComponent('Quality of Life')}`);
      expect(indicators.data.map((standard) => standard.id)).toContain('iso-37120-2018');
      const byReference = await listStandards(`q=${encodeURIComponent('Y.4900')}`);
      expect(byReference.data.map((standard) => standard.id)).toEqual(['itu-t-y-4900-l-1600']);
      expect((await listStandards('q=zzzz-no-such-word')).data).toEqual([]);
    });

    it('reads one standard, 404 for unknown ids, 422 for bad filters', async () => {
      const response = await app.inject({ url: '/v1/standards/iso-37120-2018' });
      expect(response.json()).toMatchObject({
        reference: 'ISO 37120:2018',
        committee: 'ISO/TC 268',
        body: 'ISO',
      });
      expect((await app.inject({ url: '/v1/standards/iso-99999' })).statusCode).toBe(404);
      const bad = await app.inject({ url: '/v1/standards?body=IEEE&status=draft' });
      expect(bad.statusCode).toBe(422);
      expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(['body', 'status']));
      const badCursor = await app.inject({ url: '/v1/standards?cursor=xyz' });
      expect(badCursor.statusCode).toBe(400);
    });
  });

  describe('mappings', () => {
    it('lets an expert map a standard; the pain point moves to mapped (audited)', async () => {
      const painPoint = await postPainPoint(app, member.headers);
      const response = await map(painPoint.id, {
        standardId: 'iso-37120-2018',
        coverage: 'partial',
        clause: '5.3',
        note: 'Indicators only',
      });
      expect(response.statusCode).toBe(201);
      const mapping = response.json() as StandardMapping;
      expect(mapping).toMatchObject({
        painPointId: painPoint.id,
        standardId: 'iso-37120-2018',
        coverage: 'partial',
        clause: '5.3',
        expertId: expert.accountId,
        standard: { reference: 'ISO 37120:2018' },
      });
      const read = await app.inject({ url: `/v1/pain-points/${painPoint.id}` });
      expect(read.json()).toMatchObject({ status: 'mapped' });
      const audit = await app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', painPoint.id)
        .executeTakeFirst();
      expect(audit).toMatchObject({
        action: 'pain_point.status_changed',
        data: { from: 'open', to: 'mapped' },
      });

      const remap = await map(painPoint.id, { standardId: 'iso-37120-2018', coverage: 'full' });
      expect(remap.statusCode).toBe(200);
      await map(painPoint.id, { standardId: 'itu-t-y-4900-l-1600', coverage: 'none' });
      const coverage = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/standards` })
      ).json() as PainPointCoverage;
      expect(coverage.coverage).toBe('full');
      expect(coverage.mappings.map((item) => [item.standardId, item.coverage])).toEqual([
        ['iso-37120-2018', 'full'],
        ['itu-t-y-4900-l-1600', 'none'],
      ]);
    });

    it('leaves the status alone when the lifecycle does not allow mapped, or coverage is none', async () => {
      const moderator = await signUp(app, { roles: ['moderator'] });
      const closed = await postPainPoint(app, member.headers);
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${closed.id}/status`,
        headers: moderator.headers,
        payload: { status: 'closed' },
      });
      expect((await map(closed.id, { standardId: 'iso-37120-2018', coverage: 'full' })).statusCode).toBe(201);
      expect((await app.inject({ url: `/v1/pain-points/${closed.id}` })).json()).toMatchObject({
        status: 'closed',
      });
      const open = await postPainPoint(app, member.headers);
      await map(open.id, { standardId: 'iso-37120-2018', coverage: 'none' });
      expect((await app.inject({ url: `/v1/pain-points/${open.id}` })).json()).toMatchObject({
        status: 'open',
      });
    });

    it('another expert cannot overwrite a mapping (403, unchanged); a moderator can, audited', async () => {
      const painPoint = await postPainPoint(app, member.headers);
      const first = { standardId: 'iso-37120-2018', coverage: 'partial', clause: '5.3', note: 'Mine' };
      expect((await map(painPoint.id, first)).statusCode).toBe(201);
      const secondExpert = await signUp(app, { roles: ['expert'] });
      const overwrite = await map(
        painPoint.id,
        { standardId: 'iso-37120-2018', coverage: 'none' },
        secondExpert.headers,
      );
      expect(overwrite.statusCode).toBe(403);
      expect(overwrite.json()).toMatchObject({ type: 'https://worldsmartcity.org/problems/mapping-owned' });
      const stored = await app.db
        .selectFrom('standard_mappings')
        .select(['expert_id', 'coverage', 'clause', 'note'])
        .where('pain_point_id', '=', painPoint.id)
        .execute();
      expect(stored).toEqual([
        { expert_id: expert.accountId, coverage: 'partial', clause: '5.3', note: 'Mine' },
      ]);
      // The second expert may still map another standard to the same pain point.
      const other = await map(
        painPoint.id,
        { standardId: 'itu-t-y-4900-l-1600', coverage: 'none' },
        secondExpert.headers,
      );
      expect(other.statusCode).toBe(201);

      const moderator = await signUp(app, { roles: ['expert', 'moderator'] });
      const replaced = await map(
        painPoint.id,
        { standardId: 'iso-37120-2018', coverage: 'full' },
        moderator.headers,
      );
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json()).toMatchObject({ coverage: 'full', expertId: moderator.accountId });
      const audit = await app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'standard_mapping.replaced')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_id: moderator.accountId,
        data: { previous: { expertId: expert.accountId, coverage: 'partial', note: 'Mine' } },
      });
    });

    it('is for experts only, validates, and knows unknown ids', async () => {
      const painPoint = await postPainPoint(app, member.headers);
      const byMember = await map(
        painPoint.id,
        { standardId: 'iso-37120-2018', coverage: 'full' },
        member.headers,
      );
      expect(byMember.statusCode).toBe(403);
      const anonymous = await map(painPoint.id, { standardId: 'iso-37120-2018', coverage: 'full' }, {});
      expect(anonymous.statusCode).toBe(401);
      const unknownStandard = await map(painPoint.id, { standardId: 'iso-0000', coverage: 'full' });
      expect(unknownStandard.statusCode).toBe(422);
      expect(errorPaths(unknownStandard.body)).toEqual(['standardId']);
      const badCoverage = await map(painPoint.id, { standardId: 'iso-37120-2018', coverage: 'most' });
      expect(errorPaths(badCoverage.body)).toEqual(['coverage']);
      const unknownPainPoint = await map('nope', { standardId: 'iso-37120-2018', coverage: 'full' });
      expect(unknownPainPoint.statusCode).toBe(404);
      expect((await app.inject({ url: '/v1/pain-points/nope/standards' })).statusCode).toBe(404);
      const none = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/standards` })
      ).json() as PainPointCoverage;
      expect(none).toEqual({ painPointId: painPoint.id, coverage: 'none', mappings: [] });
    });
  });

  describe('GET /v1/coverage', () => {
    it('reports coverage per domain and per body, gaps uncovered first then most voted', async () => {
      const full = await postPainPoint(app, member.headers, { domain: 'water' });
      const partial = await postPainPoint(app, member.headers, { domain: 'water' });
      const uncoveredQuiet = await postPainPoint(app, member.headers, { domain: 'energy' });
      const uncoveredLoud = await postPainPoint(app, member.headers, { domain: 'energy' });
      await map(full.id, { standardId: 'iso-37120-2018', coverage: 'full' });
      await map(partial.id, { standardId: 'itu-t-y-4900-l-1600', coverage: 'partial' });
      await app.inject({
        method: 'PUT',
        url: `/v1/pain-points/${uncoveredLoud.id}/vote`,
        headers: member.headers,
      });

      const response = await app.inject({ url: '/v1/coverage' });
      expect(response.statusCode).toBe(200);
      const report = response.json() as CoverageReport;
      expect(report.totals).toEqual({ full: 1, partial: 1, none: 2, total: 4 });
      expect(report.byDomain.find((row) => row.domain === 'water')).toMatchObject({
        full: 1,
        partial: 1,
        none: 0,
      });
      expect(report.byDomain.find((row) => row.domain === 'energy')).toMatchObject({ none: 2, total: 2 });
      expect(report.byBody.find((row) => row.body === 'ISO')).toMatchObject({ full: 1, partial: 0, none: 3 });
      expect(report.byBody.find((row) => row.body === 'ITU')).toMatchObject({ full: 0, partial: 1, none: 3 });
      expect(report.gaps.map((gap) => gap.painPointId)).toEqual([
        uncoveredLoud.id,
        uncoveredQuiet.id,
        partial.id,
      ]);

      const energyOnly = (
        await app.inject({ url: '/v1/coverage?domain=energy&gapLimit=1' })
      ).json() as CoverageReport;
      expect(energyOnly.totals.total).toBe(2);
      expect(energyOnly.gaps).toHaveLength(1);
      const bad = await app.inject({ url: '/v1/coverage?domain=moon&gapLimit=-1' });
      expect(bad.statusCode).toBe(422);
      expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(['domain', 'gapLimit']));
    });
  });

  describe('seeding', () => {
    it('loads the catalogue and the flagged samples once; running again changes nothing', async () => {
      await seed(app.db, [samplePainPointsSeeder]);
      const count = async () => {
        const standardRows = await app.db.selectFrom('standards').select('id').execute();
        const samples = await app.db.selectFrom('pain_points').select(['id', 'sample']).execute();
        return {
          standards: standardRows.length,
          samples: samples.length,
          allSample: samples.every((row) => row.sample),
        };
      };
      const first = await count();
      expect(first).toEqual({
        standards: standards.length,
        samples: samplePainPoints.length,
        allSample: true,
      });
      // Seed steps run once per database; the steps themselves are idempotent too.
      await seed(app.db, [standardsSeeder, samplePainPointsSeeder]);
      await standardsSeeder.run(app.db);
      await samplePainPointsSeeder.run(app.db);
      expect(await count()).toEqual(first);
      const sample = await app.inject({ url: '/v1/pain-points?limit=1' });
      expect(sample.json()).toMatchObject({ data: [{ sample: true, authorId: null }] });
    });
  });
});
