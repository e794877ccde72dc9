import { describe, expect, it } from 'vitest';
import { PARTNER_STATS_MAX_DAYS, PartnerStatsParamsSchema, partnerStatsWindow } from './partner';
import { issuePaths } from './test-support';

const NOW = new Date('2016-07-13T09:00:00Z');

describe('partner stats window', () => {
  it('defaults to the 30 days before now, and to 30 days before a given `to`', () => {
    expect(partnerStatsWindow({}, NOW)).toEqual({
      ok: true,
      from: new Date('2016-06-13T09:00:00Z'),
      to: NOW,
    });
    expect(partnerStatsWindow({ to: '2016-03-31T00:00:00+08:00' }, NOW)).toEqual({
      ok: true,
      from: new Date('2016-02-29T16:00:00Z'),
      to: new Date('2016-03-30T16:00:00Z'),
    });
    expect(partnerStatsWindow({ from: '2016-07-01T00:00:00Z' }, NOW)).toMatchObject({ ok: true, to: NOW });
  });

  it('accepts exactly the longest window and refuses one millisecond more, naming `from`', () => {
    const to = '2017-01-01T00:00:00.000Z';
    const longest = new Date(Date.parse(to) - PARTNER_STATS_MAX_DAYS * 86_400_000).toISOString();
    expect(partnerStatsWindow({ from: longest, to }, NOW).ok).toBe(true);
    const tooLong = new Date(Date.parse(longest) - 1).toISOString();
    expect(partnerStatsWindow({ from: tooLong, to }, NOW)).toMatchObject({ ok: false, path: 'from' });
  });

  it('refuses from at or after to, naming `from`, also when `to` is the default now', () => {
    expect(partnerStatsWindow({ from: '2016-07-13T09:00:00Z' }, NOW)).toMatchObject({
      ok: false,
      path: 'from',
    });
    expect(
      partnerStatsWindow({ from: '2016-07-02T00:00:00Z', to: '2016-07-01T00:00:00Z' }, NOW),
    ).toMatchObject({ ok: false, path: 'from', message: 'from must be before to' });
  });

  it('refuses a date-time no Date can hold, naming its field', () => {
    expect(partnerStatsWindow({ to: '2016-13-01T00:00:00Z' }, NOW)).toMatchObject({ ok: false, path: 'to' });
    expect(partnerStatsWindow({ from: '2016-07-01T25:00:00Z' }, NOW)).toMatchObject({
      ok: false,
      path: 'from',
    });
  });
});

describe('PartnerStatsParamsSchema', () => {
  it.each([
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2016-07-13' }, 'to'],
    [{ from: '2016-07-13T00:00:00Z', to: '2016-07-13T00:00:00Z' }, 'from'],
    [{ from: '2015-01-01T00:00:00Z', to: '2016-07-13T00:00:00Z' }, 'from'],
  ])('refuses %j naming %s', (input, path) => {
    expect(issuePaths(PartnerStatsParamsSchema, input)).toEqual([path]);
  });

  it('accepts no bounds, one bound, or a window in order', () => {
    expect(issuePaths(PartnerStatsParamsSchema, {})).toEqual([]);
    expect(issuePaths(PartnerStatsParamsSchema, { from: '2016-07-01T00:00:00+08:00' })).toEqual([]);
    expect(
      issuePaths(PartnerStatsParamsSchema, { from: '2016-07-01T00:00:00Z', to: '2016-07-13T00:00:00Z' }),
    ).toEqual([]);
  });
});
