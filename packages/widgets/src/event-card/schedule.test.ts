import { describe, expect, it } from 'vitest';
import { formatDateRange, registrationPhase, seatsText } from './schedule';

const UTC = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } as const;

describe('formatDateRange', () => {
  it('writes the parts both ends share once', () => {
    const text = formatDateRange('en', '2016-07-13T09:00:00+08:00', '2016-07-13T18:00:00+08:00', UTC);
    expect(text.match(/2016/g)).toHaveLength(1);
    expect(text).toContain('1:00');
    expect(text).toContain('10:00');
  });

  it('writes both ends in full when the end comes first, and skips an invalid date', () => {
    const reversed = formatDateRange('fr', '2016-07-14T09:00:00Z', '2016-07-13T09:00:00Z', UTC);
    expect(reversed.match(/2016/g)).toHaveLength(2);
    expect(reversed).toContain(' – ');
    expect(formatDateRange('en', 'not a date', '2016-07-13T09:00:00Z', UTC)).toBe(
      formatDateRange('en', '2016-07-13T09:00:00Z', '2016-07-13T09:00:00Z', UTC),
    );
  });

  it('falls back to the language’s default format when the options are refused', () => {
    const text = formatDateRange('ar', '2016-07-13T09:00:00Z', '2016-07-14T09:00:00Z', {
      timeZone: 'Mars/Olympus',
    });
    expect(text).not.toBe('');
  });
});

describe('registrationPhase', () => {
  const event = {
    registrationOpensAt: '2027-01-01T00:00:00Z',
    registrationClosesAt: '2027-06-01T00:00:00Z',
    endsAt: '2027-07-01T00:00:00Z',
  };
  it('follows the window and the end of the event, as the server does', () => {
    expect(registrationPhase(event, new Date('2026-12-31T23:59:59Z'))).toBe('not-open');
    expect(registrationPhase(event, new Date('2027-01-01T00:00:00Z'))).toBe('open');
    expect(registrationPhase(event, new Date('2027-06-01T00:00:00Z'))).toBe('closed');
    expect(
      registrationPhase({ ...event, registrationClosesAt: null }, new Date('2027-07-01T00:00:00Z')),
    ).toBe('closed');
  });
});

describe('seatsText', () => {
  const i18n = {
    t: (key: string, values?: Record<string, string | number>) => `${key}:${values?.count ?? ''}`,
    date: () => '',
  };
  it('says nothing without a limit, the count while seats are left, and full after', () => {
    expect(seatsText(i18n, { capacity: null, seatsLeft: null })).toBe('');
    expect(seatsText(i18n, undefined)).toBe('');
    expect(seatsText(i18n, { capacity: 3, seatsLeft: 2 })).toBe('seatsLeft:2');
    expect(seatsText(i18n, { capacity: 3, seatsLeft: 0 })).toBe('full:');
  });
});
