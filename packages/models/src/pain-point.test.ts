import { describe, expect, it } from 'vitest';
import {
  PainPointCountryCountsParamsSchema,
  PainPointCountryCountsSchema,
  PainPointCreateSchema,
  PainPointListParamsSchema,
  PainPointSchema,
  PainPointStatusChangeSchema,
  PainPointUpdateSchema,
} from './pain-point';
import { AT, issuePaths } from './test-support';

const create = {
  title: { en: 'Traffic lights and buses do not talk to each other' },
  description: { en: 'Signal priority for buses needs a standard interface between vendors.' },
  domain: 'mobility',
  city: 'Singapore',
  country: 'SG',
};

describe('PainPointCreateSchema', () => {
  it('accepts a report and defaults the severity', () => {
    expect(PainPointCreateSchema.parse(create).severity).toBe('medium');
  });

  it.each([
    [{ ...create, title: {} }, 'title'],
    [{ ...create, title: { en: 'x'.repeat(201) } }, 'title.en'],
    [{ ...create, description: { fr: 42 } }, 'description.fr'],
    [{ ...create, domain: 'roads' }, 'domain'],
    [{ ...create, country: 'sg' }, 'country'],
    [{ ...create, country: 'SGP' }, 'country'],
    [{ ...create, city: '' }, 'city'],
    [{ ...create, severity: 'urgent' }, 'severity'],
    [{ ...create, language: 'de' }, 'language'],
    [{ ...create, slug: 'Not A Slug' }, 'slug'],
  ])('rejects bad input naming the field (%#)', (input, path) => {
    expect(issuePaths(PainPointCreateSchema, input)).toContain(path);
  });
});

describe('PainPointUpdateSchema and PainPointStatusChangeSchema', () => {
  it('accepts a partial update', () => {
    expect(PainPointUpdateSchema.parse({ severity: 'high' })).toEqual({ severity: 'high' });
  });

  it('names the field of a bad update', () => {
    expect(issuePaths(PainPointUpdateSchema, { domain: 'roads' })).toEqual(['domain']);
    expect(issuePaths(PainPointUpdateSchema, { title: { en: '' } })).toEqual(['title']);
  });

  it('requires duplicateOf for a duplicate', () => {
    expect(issuePaths(PainPointStatusChangeSchema, { status: 'duplicate' })).toEqual(['duplicateOf']);
    expect(issuePaths(PainPointUpdateSchema, { status: 'duplicate' })).toEqual(['duplicateOf']);
    expect(PainPointStatusChangeSchema.safeParse({ status: 'duplicate', duplicateOf: 'pp_1' }).success).toBe(
      true,
    );
    expect(issuePaths(PainPointStatusChangeSchema, { status: 'solved' })).toEqual(['status']);
  });
});

describe('PainPointListParamsSchema', () => {
  it('coerces query strings and applies defaults', () => {
    expect(PainPointListParamsSchema.parse({ limit: '50' })).toEqual({ limit: 50, sort: 'top' });
    expect(PainPointListParamsSchema.parse({})).toEqual({ limit: 20, sort: 'top' });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ sort: 'old' }, 'sort'],
    [{ status: 'done' }, 'status'],
    [{ country: 'france' }, 'country'],
    [{ cursor: '' }, 'cursor'],
  ])('rejects bad parameters naming them (%#)', (input, path) => {
    expect(issuePaths(PainPointListParamsSchema, input)).toEqual([path]);
  });
});

describe('PainPointSchema', () => {
  const painPoint = {
    id: 'pp_1',
    title: { en: 'Water leaks' },
    description: { en: 'Leaks are found late.' },
    language: 'en',
    domain: 'water',
    city: null,
    country: null,
    severity: 'high',
    status: 'open',
    voteCount: 3,
    commentCount: 0,
    authorId: null,
    partnerId: null,
    createdAt: AT,
    updatedAt: '2016-07-13T01:00:00Z',
  };

  it('tolerates added fields (they are stripped)', () => {
    expect(PainPointSchema.parse({ ...painPoint, futureField: 1 })).not.toHaveProperty('futureField');
  });

  it('names a malformed field', () => {
    expect(issuePaths(PainPointSchema, { ...painPoint, createdAt: '13/07/2016' })).toEqual(['createdAt']);
    expect(issuePaths(PainPointSchema, { ...painPoint, voteCount: '3' })).toEqual(['voteCount']);
  });
});

describe('PainPointCountryCountsParamsSchema and PainPointCountryCountsSchema', () => {
  it('reads the filters as the list does', () => {
    expect(PainPointCountryCountsParamsSchema.parse({ domain: 'water', status: 'open' })).toEqual({
      domain: 'water',
      status: 'open',
    });
    expect(issuePaths(PainPointCountryCountsParamsSchema, { domain: 'moon' })).toEqual(['domain']);
    expect(issuePaths(PainPointCountryCountsParamsSchema, { status: 'solved' })).toEqual(['status']);
  });

  it('tolerates added fields in the answer and names a malformed count', () => {
    const counts = { data: [{ country: 'FR', count: 3 }], total: 4, withoutCountry: 1 };
    expect(PainPointCountryCountsSchema.parse({ ...counts, byCity: [] })).toEqual(counts);
    expect(issuePaths(PainPointCountryCountsSchema, { ...counts, total: '4' })).toEqual(['total']);
  });
});
