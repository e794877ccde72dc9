import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ROLES,
  COVERAGE_LEVELS,
  DOMAINS,
  DomainSchema,
  ELIGIBILITY_BASES,
  LANGUAGES,
  LanguageSchema,
  PAIN_POINT_STATUSES,
  STAKEHOLDER_ROLES,
  STANDARD_BODIES,
} from './enums';

describe('enumerations', () => {
  it('lists the six UN languages in the agreed order', () => {
    expect(LANGUAGES).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('keeps the agreed values', () => {
    expect(DOMAINS).toHaveLength(11);
    expect(STANDARD_BODIES).toEqual(['IEC', 'ISO', 'ITU', 'joint']);
    expect(ACCOUNT_ROLES).toEqual(['member', 'expert', 'moderator', 'admin']);
    expect(PAIN_POINT_STATUSES).toEqual([
      'open',
      'under-review',
      'mapped',
      'addressed',
      'closed',
      'duplicate',
    ]);
    expect(COVERAGE_LEVELS).toEqual(['full', 'partial', 'none']);
    expect(ELIGIBILITY_BASES).toHaveLength(4);
    expect(STAKEHOLDER_ROLES).toContain('standardization-expert');
  });

  it('rejects values outside the enumeration', () => {
    expect(LanguageSchema.safeParse('de').success).toBe(false);
    expect(DomainSchema.safeParse('Water').success).toBe(false);
    expect(DomainSchema.parse('water')).toBe('water');
  });
});
