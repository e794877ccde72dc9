import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from './compile-check';
import { DomainSchema } from './enums';
import { isKnownValue, openEnum } from './open-enum';
import { PainPointCreateSchema, PainPointSchema } from './pain-point';

const painPoint = {
  id: 'pp_1',
  title: { en: 'Flooded underpasses' },
  description: { en: 'Underpasses flood after every heavy rain.' },
  language: 'en',
  domain: 'water',
  city: null,
  country: 'SG',
  severity: 'high',
  status: 'open',
  voteCount: 0,
  commentCount: 0,
  authorId: null,
  partnerId: null,
  createdAt: '2026-05-01T08:00:00Z',
  updatedAt: '2026-05-01T08:00:00Z',
};

describe('openEnum', () => {
  it('lets responses carry values a newer server added, where requests stay strict', () => {
    const newer = { ...painPoint, domain: 'space', status: 'archived', severity: 'extreme', language: 'pt' };
    expect(PainPointSchema.safeParse(newer).success).toBe(true);
    expect(compileCheck(PainPointSchema)?.(newer)).toBe(true);
    expect(DomainSchema.safeParse('space').success).toBe(false);
    const request = PainPointCreateSchema.safeParse({
      title: { en: 'x' },
      description: { en: 'y' },
      domain: 'space',
    });
    expect(request.success).toBe(false);
  });

  it('still refuses what is not a string', () => {
    expect(PainPointSchema.safeParse({ ...painPoint, domain: 7 }).success).toBe(false);
  });

  it('documents the known values as an extensible enum, not a closed one', () => {
    const schema = z.toJSONSchema(z.object({ domain: openEnum(['water', 'energy']) }));
    expect(schema.properties?.domain).toEqual({ type: 'string', 'x-extensible-enum': ['water', 'energy'] });
  });

  it('narrows known values', () => {
    expect(isKnownValue(['water', 'energy'], 'water')).toBe(true);
    expect(isKnownValue(['water', 'energy'], 'space')).toBe(false);
  });
});
