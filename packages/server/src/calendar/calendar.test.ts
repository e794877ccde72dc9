import type { EventSession } from '@wsc/models';
import { forum2016 } from '@wsc/models/catalogue';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, eventCalendar, foldLine } from './calendar';

const session: EventSession = {
  id: 's1',
  eventId: forum2016.id,
  title: { en: 'Water, energy; and mobility: connecting city systems', zh: '水、能源和交通：连接城市系统' },
  description: {
    en: 'Line one\nLine two with a backslash \\ and a very long sentence that must be folded because it is longer than seventy-five octets.',
  },
  startsAt: '2016-07-13T10:00:00+08:00',
  endsAt: '2016-07-13T11:30:00+08:00',
  room: 'Hall 1',
  language: 'en',
  speakers: [{ name: 'Houlin Zhao', affiliation: 'ITU Secretary-General' }],
  painPointIds: [],
};

const options = {
  publicUrl: 'https://worldsmartcity.org',
  languages: ['en' as const],
  stamp: new Date('2016-01-18T00:00:00Z'),
};

describe('eventCalendar', () => {
  const ics = eventCalendar(forum2016, [session], options);

  it('uses CRLF line ends and folds every line at 75 octets without splitting characters', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const chinese = eventCalendar(forum2016, [session], { ...options, languages: ['zh'] });
    for (const line of chinese.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(chinese).toContain('SUMMARY;LANGUAGE=zh:2016年全球智慧城市论坛');
  });

  it('parses back with ical.js: Singapore local time, +08:00, sessions and escaped text intact', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Singapore');
    const timezone = new ICAL.Timezone(zone as ICAL.Component);
    ICAL.TimezoneService.register(timezone, 'Asia/Singapore');
    const [main, talk] = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(main?.summary).toBe('World Smart City Forum 2016');
    expect(main?.startDate.toString()).toBe('2016-07-13T09:00:00');
    expect(main?.startDate.zone?.tzid).toBe('Asia/Singapore');
    expect(main?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Singapore');
    expect(zone?.getFirstSubcomponent('standard')?.getFirstPropertyValue('tzoffsetto')?.toString()).toBe(
      '+08:00',
    );
    expect(main?.startDate.toJSDate().toISOString()).toBe('2016-07-13T01:00:00.000Z');
    expect(main?.endDate.toJSDate().toISOString()).toBe('2016-07-13T10:00:00.000Z');
    expect(main?.location).toBe('Singapore, SG');
    expect(main?.description).toBe(forum2016.description.en);
    expect(talk?.summary).toBe('Water, energy; and mobility: connecting city systems');
    expect(talk?.description).toBe(
      `${session.description?.en}\nSpeakers: Houlin Zhao (ITU Secretary-General)`,
    );
    expect(talk?.startDate.toJSDate().toISOString()).toBe('2016-07-13T02:00:00.000Z');
    expect(talk?.location).toBe('Hall 1, Singapore, SG');
  });

  it('falls back to UTC times in a zone with daylight saving', () => {
    const zurich = {
      ...forum2016,
      timeZone: 'Europe/Zurich',
      startsAt: '2026-07-13T09:00:00+02:00',
      endsAt: '2026-07-13T18:00:00+02:00',
    };
    const text = eventCalendar(zurich, [], options);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART:20260713T070000Z');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-13T07:00:00.000Z');
  });

  it('escapes and folds per RFC 5545', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(2);
    expect(lines[1]?.startsWith(' ')).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(
      `DESCRIPTION:${'é'.repeat(60)}`,
    );
  });
});
