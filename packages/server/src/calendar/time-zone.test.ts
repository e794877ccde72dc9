import { describe, expect, it } from 'vitest';
import { hasFixedOffset, offsetMinutes, toLocalIso } from './time-zone';

describe('time zones', () => {
  it('writes instants in the local time of the zone with its offset', () => {
    const instant = new Date('2016-07-13T01:00:00Z');
    expect(offsetMinutes(instant, 'Asia/Singapore')).toBe(480);
    expect(toLocalIso(instant, 'Asia/Singapore')).toBe('2016-07-13T09:00:00+08:00');
    expect(toLocalIso(instant, 'UTC')).toBe('2016-07-13T01:00:00+00:00');
    expect(toLocalIso(instant, 'America/St_Johns')).toBe('2016-07-12T22:30:00-02:30');
    expect(toLocalIso(new Date('2016-01-13T01:00:00Z'), 'Europe/Zurich')).toBe('2016-01-13T02:00:00+01:00');
  });

  it('tells zones without daylight saving from those with it', () => {
    const instant = new Date('2016-07-13T01:00:00Z');
    expect(hasFixedOffset(instant, 'Asia/Singapore')).toBe(true);
    expect(hasFixedOffset(instant, 'UTC')).toBe(true);
    expect(hasFixedOffset(instant, 'Europe/Zurich')).toBe(false);
    expect(hasFixedOffset(instant, 'America/New_York')).toBe(false);
  });
});
