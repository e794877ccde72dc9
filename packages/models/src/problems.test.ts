import { describe, expect, expectTypeOf, it } from 'vitest';
import { PROBLEM_TYPES, type ProblemCode, problemCodeOf } from './problems';

describe('PROBLEM_TYPES', () => {
  it('lists each slug once, in kebab case, with an error status, a title and a meaning', () => {
    for (const [slug, entry] of Object.entries(PROBLEM_TYPES)) {
      expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(entry.status, slug).toBeGreaterThanOrEqual(400);
      expect(entry.status, slug).toBeLessThan(600);
      expect(entry.title.length, slug).toBeGreaterThan(3);
      expect(entry.meaning.length, slug).toBeGreaterThan(10);
    }
  });

  it('gives each title to one slug only (the title names the type)', () => {
    const titles = Object.values(PROBLEM_TYPES).map((entry) => entry.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('problemCodeOf', () => {
  it('takes the last path segment of an http(s) type, the type itself otherwise', () => {
    expect(problemCodeOf('https://worldsmartcity.org/problems/slug-taken')).toBe('slug-taken');
    expect(problemCodeOf('https://example.org/errors/out-of-stock/')).toBe('out-of-stock');
    expect(problemCodeOf('https://example.org/errors/x?lang=fr')).toBe('x');
    expect(problemCodeOf('about:blank')).toBe('about:blank');
    expect(problemCodeOf('rate-limited')).toBe('rate-limited');
    expect(problemCodeOf('https://example.org/')).toBe('https://example.org/');
  });

  it('types known slugs and still accepts a newer server’s', () => {
    expectTypeOf<'slug-taken'>().toMatchTypeOf<ProblemCode>();
    expectTypeOf<'a-slug-from-2030'>().toMatchTypeOf<ProblemCode>();
  });
});
