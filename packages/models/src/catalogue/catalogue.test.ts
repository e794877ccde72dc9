import { describe, expect, it } from 'vitest';
import {
  DOMAINS,
  EventCreateSchema,
  EventSchema,
  LANGUAGES,
  LocalizedTextSchema,
  OrganizationSchema,
  PainPointCreateSchema,
  StandardSchema,
} from '../index';
import { SLUG_PATTERN } from '../primitives';
import {
  bodies,
  CATALOGUE_VERSION,
  catalogue,
  events,
  forum2016,
  samplePainPoints,
  standards,
} from './index';

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('bodies', () => {
  it.each(bodies.map((body) => [body.id, body]))('%s parses as an Organization', (_id, body) => {
    // As the server answers it: no verified domains until an admin sets them.
    expect(() => OrganizationSchema.parse({ ...body, verifiedDomains: [] })).not.toThrow();
  });

  it('are IEC, ISO and ITU, standards bodies in Switzerland with their real sites', () => {
    expect(bodies.map((body) => [body.id, body.type, body.country, body.url])).toEqual([
      ['iec', 'standards-body', 'CH', 'https://www.iec.ch'],
      ['iso', 'standards-body', 'CH', 'https://www.iso.org'],
      ['itu', 'standards-body', 'CH', 'https://www.itu.int'],
    ]);
  });

  it('carry ITU facts from the press release with their source', () => {
    const itu = bodies.find((body) => body.id === 'itu');
    const facts = itu?.facts ?? [];
    expect(facts.map((fact) => fact.text.en).join(' ')).toMatch(/193 member states.*700.*150 years/s);
    for (const fact of facts) {
      expect(() => LocalizedTextSchema.parse(fact.text)).not.toThrow();
      expect(fact.source).toContain('18 January 2016');
    }
  });

  it('have unique ids and slugs', () => {
    expect(duplicates(bodies.map((body) => body.id))).toEqual([]);
    expect(duplicates(bodies.map((body) => body.slug))).toEqual([]);
  });
});

describe('World Smart City Forum 2016', () => {
  it('parses as an Event and as an event an admin could create', () => {
    expect(() => EventSchema.parse(forum2016)).not.toThrow();
    expect(() => EventCreateSchema.parse(forum2016)).not.toThrow();
  });

  it('is on 13 July 2016 in Singapore, local time', () => {
    expect(forum2016.slug).toBe('world-smart-city-forum-2016');
    expect(forum2016.timeZone).toBe('Asia/Singapore');
    expect([forum2016.city, forum2016.country]).toEqual(['Singapore', 'SG']);
    expect(localDate(forum2016.startsAt, 'Asia/Singapore')).toBe('2016-07-13');
    expect(localDate(forum2016.endsAt, 'Asia/Singapore')).toBe('2016-07-13');
    // Singapore is UTC+08:00 all year: 09:00 local is 01:00 UTC.
    expect(new Date(forum2016.startsAt).toISOString()).toBe('2016-07-13T01:00:00.000Z');
  });

  it('is in the past, with its registration window closed', () => {
    const now = Date.now();
    expect(Date.parse(forum2016.endsAt)).toBeLessThan(now);
    expect(forum2016.registrationClosesAt).not.toBeNull();
    expect(Date.parse(forum2016.registrationClosesAt ?? '')).toBeLessThan(now);
    expect(new Date(forum2016.registrationClosesAt ?? '').getUTCFullYear()).toBe(2016);
  });

  it('is organised by IEC with ISO and ITU, all of them catalogue bodies', () => {
    expect(forum2016.organiserIds).toEqual(['iec', 'iso', 'itu']);
    const bodyIds = new Set(bodies.map((body) => body.id));
    for (const id of forum2016.organiserIds) expect(bodyIds.has(id)).toBe(true);
  });

  it('is held alongside the World Cities Summit and Singapore International Water Week', () => {
    expect(forum2016.coLocatedEvents.map((event) => event.code)).toEqual([
      'world-cities-summit',
      'singapore-international-water-week',
    ]);
  });

  it('is free on all four bases and cites the press release', () => {
    expect([...forum2016.freeAttendance].sort()).toEqual(
      ['co-located-registrant', 'community-member', 'invited', 'standards-body-member'].sort(),
    );
    expect(forum2016.source).toMatch(/Geneva, 18 January 2016/);
  });

  it('has its name and description in all six UN languages', () => {
    for (const language of LANGUAGES) {
      expect(forum2016.name[language]?.trim()).toBeTruthy();
      expect(forum2016.description[language]?.trim()).toBeTruthy();
    }
  });

  it('events have unique ids and slugs', () => {
    expect(duplicates(events.map((event) => event.id))).toEqual([]);
    expect(duplicates(events.map((event) => event.slug))).toEqual([]);
  });
});

describe('standards', () => {
  it('hold at least 25 entries', () => {
    expect(standards.length).toBeGreaterThanOrEqual(25);
  });

  it.each(standards.map((standard) => [standard.reference, standard]))(
    '%s parses as a Standard',
    (_reference, standard) => {
      expect(() => StandardSchema.parse(standard)).not.toThrow();
    },
  );

  it('have unique slug ids and unique references', () => {
    expect(duplicates(standards.map((standard) => standard.id))).toEqual([]);
    expect(duplicates(standards.map((standard) => standard.reference))).toEqual([]);
    for (const standard of standards) expect(standard.id).toMatch(SLUG_PATTERN);
  });

  it('have an https catalogue url on the publishing body’s site', () => {
    const hosts: Record<string, RegExp> = {
      ISO: /^www\.iso\.org$/,
      joint: /^www\.iso\.org$/,
      IEC: /^webstore\.iec\.ch$/,
      ITU: /^www\.itu\.int$/,
    };
    for (const standard of standards) {
      const url = new URL(standard.url);
      expect(url.protocol, standard.reference).toBe('https:');
      expect(url.hostname, standard.reference).toMatch(hosts[standard.body] ?? /^$/);
    }
  });

  it('have an English title, a committee, at least one domain and a plausible year', () => {
    for (const standard of standards) {
      expect(standard.title.en?.trim(), standard.reference).toBeTruthy();
      expect(standard.committee.trim(), standard.reference).not.toBe('');
      expect(standard.domains.length, standard.reference).toBeGreaterThan(0);
      expect(duplicates(standard.domains), standard.reference).toEqual([]);
      expect(standard.publicationYear, standard.reference).toBeGreaterThanOrEqual(2000);
      expect(standard.publicationYear, standard.reference).toBeLessThanOrEqual(new Date().getFullYear());
    }
  });

  it('give the year in the reference when the reference is dated', () => {
    for (const standard of standards) {
      const dated = /:(\d{4})$/.exec(standard.reference);
      if (dated) expect(standard.publicationYear, standard.reference).toBe(Number(dated[1]));
    }
  });

  it('come from all three bodies and the joint committee, and cover every domain', () => {
    expect(new Set(standards.map((standard) => standard.body))).toEqual(
      new Set(['ISO', 'IEC', 'ITU', 'joint']),
    );
    const covered = new Set(standards.flatMap((standard) => standard.domains));
    for (const domain of DOMAINS) expect(covered.has(domain), domain).toBe(true);
  });
});

describe('sample pain points', () => {
  it.each(samplePainPoints.map((painPoint) => [painPoint.slug, painPoint]))(
    '%s is a valid pain point marked as sample',
    (_slug, painPoint) => {
      expect(painPoint.sample).toBe(true);
      expect(() => LocalizedTextSchema.parse(painPoint.title)).not.toThrow();
      expect(() => LocalizedTextSchema.parse(painPoint.description)).not.toThrow();
      expect(DOMAINS).toContain(painPoint.domain);
      // The shape a member would submit, so seeding goes through the same validation.
      expect(() => PainPointCreateSchema.parse(painPoint)).not.toThrow();
    },
  );

  it('each give title and description in the same two or more languages', () => {
    for (const painPoint of samplePainPoints) {
      const titleLanguages = Object.keys(painPoint.title).sort();
      expect(titleLanguages.length, painPoint.slug).toBeGreaterThanOrEqual(2);
      expect(Object.keys(painPoint.description).sort(), painPoint.slug).toEqual(titleLanguages);
    }
  });

  it('use all six UN languages across the set', () => {
    const used = new Set(samplePainPoints.flatMap((painPoint) => Object.keys(painPoint.title)));
    expect([...used].sort()).toEqual([...LANGUAGES].sort());
  });

  it('have at least two per domain', () => {
    for (const domain of DOMAINS) {
      const count = samplePainPoints.filter((painPoint) => painPoint.domain === domain).length;
      expect(count, domain).toBeGreaterThanOrEqual(2);
    }
  });

  it('have unique slugs that say they are samples', () => {
    expect(duplicates(samplePainPoints.map((painPoint) => painPoint.slug))).toEqual([]);
    for (const painPoint of samplePainPoints) expect(painPoint.slug).toMatch(/^sample-/);
  });

  it('name a city and an upper-case alpha-2 country', () => {
    for (const painPoint of samplePainPoints) {
      expect(painPoint.city?.trim(), painPoint.slug).toBeTruthy();
      expect(painPoint.country, painPoint.slug).toMatch(/^[A-Z]{2}$/);
    }
  });
});

describe('catalogue', () => {
  it('bundles everything with a version', () => {
    expect(catalogue.version).toBe(CATALOGUE_VERSION);
    expect(catalogue.version).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(catalogue.bodies).toBe(bodies);
    expect(catalogue.events).toBe(events);
    expect(catalogue.standards).toBe(standards);
    expect(catalogue.samplePainPoints).toBe(samplePainPoints);
    expect(catalogue.events).toContain(forum2016);
  });
});
