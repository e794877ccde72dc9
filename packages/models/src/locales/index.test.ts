import { describe, expect, it } from 'vitest';
import {
  COVERAGE_LEVELS,
  DOMAINS,
  ELIGIBILITY_BASES,
  LANGUAGES,
  PAIN_POINT_STATUSES,
  SEVERITIES,
  STAKEHOLDER_ROLES,
} from '../enums';
import { getLocale, locales } from './index';

const GROUPS = {
  domains: DOMAINS,
  painPointStatuses: PAIN_POINT_STATUSES,
  stakeholderRoles: STAKEHOLDER_ROLES,
  severities: SEVERITIES,
  coverageLevels: COVERAGE_LEVELS,
  eligibilityBases: ELIGIBILITY_BASES,
} as const;

describe('locales', () => {
  it.each(LANGUAGES)('%s labels every value of every enumeration', (language) => {
    const labels = getLocale(language);
    expect(labels.language).toBe(language);
    for (const [group, values] of Object.entries(GROUPS)) {
      const table = labels[group as keyof typeof GROUPS] as Record<string, string>;
      expect(Object.keys(table).sort()).toEqual([...values].sort());
      for (const value of values) expect(table[value]?.trim()).toBeTruthy();
    }
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s is translated, not copied from English',
    (language) => {
      expect(locales[language].domains.water).not.toBe(locales.en.domains.water);
      expect(locales[language].painPointStatuses.open).not.toBe(locales.en.painPointStatuses.open);
    },
  );

  it('writes Chinese in Han characters and Arabic in Arabic script', () => {
    expect(locales.zh.domains.water).toMatch(/\p{Script=Han}/u);
    expect(locales.ar.domains.water).toMatch(/\p{Script=Arabic}/u);
    expect(locales.ru.domains.water).toMatch(/\p{Script=Cyrillic}/u);
  });
});
