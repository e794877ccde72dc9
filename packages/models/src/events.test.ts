import { describe, expect, it } from 'vitest';
import { EligibilityClaimSchema } from './eligibility';
import { EventCreateSchema, EventUpdateSchema, isTimeZone } from './event';
import { EventSessionCreateSchema } from './event-session';
import { RegistrationCreateSchema } from './registration';
import { issuePaths } from './test-support';

const forum = {
  name: { en: 'World Smart City Forum' },
  description: { en: 'First edition, organised by IEC with ISO and ITU.' },
  startsAt: '2016-07-13T09:00:00+08:00',
  endsAt: '2016-07-13T18:00:00+08:00',
  timeZone: 'Asia/Singapore',
  city: 'Singapore',
  country: 'SG',
  freeAttendance: ['community-member', 'standards-body-member', 'invited', 'co-located-registrant'],
};

describe('event payloads', () => {
  it('accepts the 2016 forum', () => {
    expect(EventCreateSchema.safeParse(forum).success).toBe(true);
  });

  it.each([
    [EventCreateSchema, { ...forum, endsAt: '2016-07-13T08:00:00+08:00' }, 'endsAt'],
    [EventCreateSchema, { ...forum, startsAt: '2016-07-13' }, 'startsAt'],
    [EventCreateSchema, { ...forum, timeZone: 'Singapore/Time' }, 'timeZone'],
    [EventCreateSchema, { ...forum, capacity: 0 }, 'capacity'],
    [EventCreateSchema, { ...forum, capacity: 10.5 }, 'capacity'],
    [EventCreateSchema, { ...forum, freeAttendance: ['vip'] }, 'freeAttendance.0'],
    [
      EventCreateSchema,
      { ...forum, coLocatedEvents: [{ code: '', name: 'WCS', url: null }] },
      'coLocatedEvents.0.code',
    ],
    [
      EventCreateSchema,
      { ...forum, registrationOpensAt: '2016-05-01T00:00:00Z', registrationClosesAt: '2016-04-01T00:00:00Z' },
      'registrationClosesAt',
    ],
    [EventUpdateSchema, { country: 'Singapore' }, 'country'],
    [EventUpdateSchema, { startsAt: '2016-07-14T00:00:00Z', endsAt: '2016-07-13T00:00:00Z' }, 'endsAt'],
    [
      EventSessionCreateSchema,
      { title: { en: 'Opening' }, startsAt: forum.endsAt, endsAt: forum.startsAt },
      'endsAt',
    ],
    [
      EventSessionCreateSchema,
      { title: { en: 'Panel' }, startsAt: forum.startsAt, endsAt: forum.endsAt, speakers: [{ name: '' }] },
      'speakers.0.name',
    ],
    [EligibilityClaimSchema, { membership: { body: 'IEEE' } }, 'membership.body'],
    [
      EligibilityClaimSchema,
      { coLocatedRegistration: { eventCode: 'WCS' } },
      'coLocatedRegistration.reference',
    ],
    [RegistrationCreateSchema, { claim: { invitationCode: 'x' } }, 'claim.invitationCode'],
  ] as const)('rejects bad input naming the field (%#)', (schema, input, path) => {
    expect(issuePaths(schema, input)).toContain(path);
  });

  it('accepts any partial update in order', () => {
    expect(EventUpdateSchema.parse({ venue: 'Marina Bay Sands' })).toEqual({ venue: 'Marina Bay Sands' });
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Asia/Singapore')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
