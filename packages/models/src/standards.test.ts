import { describe, expect, it } from 'vitest';
import { CoverageReportSchema } from './coverage';
import { StandardListParamsSchema, StandardSchema } from './standard';
import { StandardMappingCreateSchema } from './standard-mapping';
import { issuePaths } from './test-support';

describe('standards', () => {
  const standard = {
    id: 'iso-37120-2018',
    body: 'ISO',
    reference: 'ISO 37120:2018',
    title: { en: 'Sustainable cities and communities — Indicators for city services and quality of life' },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2018,
    domains: ['water', 'energy'],
    url: 'https://www.iso.org/standard/68498.html',
  };

  it('parses a catalogue standard', () => {
    expect(StandardSchema.parse(standard).reference).toBe('ISO 37120:2018');
  });

  it('reads bodies, statuses and domains a newer server added (answers are forward compatible)', () => {
    const newer = { ...standard, body: 'IEEE', status: 'confirmed', domains: ['water', 'roads'] };
    expect(StandardSchema.parse(newer).domains).toEqual(['water', 'roads']);
  });

  it.each([
    [StandardSchema, { ...standard, body: 7 }, 'body'],
    [StandardSchema, { ...standard, domains: ['water', null] }, 'domains.1'],
    [StandardListParamsSchema, { status: 'draft' }, 'status'],
    [StandardListParamsSchema, { limit: '500' }, 'limit'],
    [StandardMappingCreateSchema, { standardId: 'iso-37120-2018', coverage: 'most' }, 'coverage'],
    [StandardMappingCreateSchema, { coverage: 'full' }, 'standardId'],
    [StandardMappingCreateSchema, { standardId: 's', coverage: 'full', clause: '' }, 'clause'],
    [CoverageReportSchema, { generatedAt: 'now' }, 'generatedAt'],
  ] as const)('rejects bad input naming the field (%#)', (schema, input, path) => {
    expect(issuePaths(schema, input)).toContain(path);
  });
});
