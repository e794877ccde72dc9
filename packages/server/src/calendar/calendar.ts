import { type Event, type EventSession, type Language, type LocalizedText, resolveText } from '@wsc/models';
import { formatOffset, hasFixedOffset, localParts, offsetMinutes } from './time-zone';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * Escapes TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
 *
 * @example
 * escapeText('Water, energy; mobility'); // 'Water\\, energy\\; mobility'
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character: the
 * continuation lines start with one space.
 *
 * @example
 * foldLine('DESCRIPTION:' + 'x'.repeat(100)); // first line 75 octets, then '\r\n ' + the rest
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // Continuation lines carry a leading space, so they hold one octet less.
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function localStamp(instant: Date, timeZone: string): string {
  const local = localParts(instant, timeZone);
  return `${local.year}${pad(local.month)}${pad(local.day)}T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`;
}

export interface CalendarOptions {
  /** The public origin (`https://api.worldsmartcity.org`): event URLs and UID domain. */
  publicUrl: string;
  /** Reader's languages, most preferred first. */
  languages: readonly Language[];
  /** DTSTAMP: when the calendar data last changed. */
  stamp: Date;
}

/**
 * Writes an event and its sessions as an iCalendar file (RFC 5545): CRLF line ends, lines folded
 * at 75 octets, escaped text. Times are local with a VTIMEZONE when the zone keeps one offset all
 * year (Singapore: +08:00, no daylight saving); otherwise they are UTC, which every client reads
 * correctly without a zone definition.
 *
 * @example
 * const ics = eventCalendar(forum, sessions, { publicUrl: 'https://worldsmartcity.org', languages: ['en'], stamp: new Date() });
 */
export function eventCalendar(
  event: Event,
  sessions: readonly EventSession[],
  options: CalendarOptions,
): string {
  const starts = new Date(event.startsAt);
  const zone = event.timeZone;
  const localTimes = hasFixedOffset(starts, zone) && hasFixedOffset(new Date(event.endsAt), zone);
  const host = new URL(options.publicUrl).hostname;
  const text = (value: LocalizedText) => resolveText(value, options.languages);
  const time = (name: string, iso: string) => {
    const instant = new Date(iso);
    return localTimes ? `${name};TZID=${zone}:${localStamp(instant, zone)}` : `${name}:${utcStamp(instant)}`;
  };
  const textLine = (name: string, value: LocalizedText) => {
    const resolved = text(value);
    return `${name};LANGUAGE=${resolved.language}:${escapeText(resolved.text)}`;
  };

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//World Smart City Community//Events API//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text(event.name).text)}`,
    `X-WR-TIMEZONE:${zone}`,
  ];
  if (localTimes) {
    const offset = formatOffset(offsetMinutes(starts, zone)).replace(':', '');
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:${zone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${offset.slice(0, 3)}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  const eventUid = `event-${event.id}@${host}`;
  const location = [event.venue, event.city, event.country].filter(Boolean).join(', ');
  lines.push(
    'BEGIN:VEVENT',
    `UID:${eventUid}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    time('DTSTART', event.startsAt),
    time('DTEND', event.endsAt),
    textLine('SUMMARY', event.name),
    textLine('DESCRIPTION', event.description),
    `LOCATION:${escapeText(location)}`,
    `URL:${options.publicUrl}/v1/events/${event.slug}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
  );
  for (const session of sessions) {
    const speakers = session.speakers
      .map((speaker) => (speaker.affiliation ? `${speaker.name} (${speaker.affiliation})` : speaker.name))
      .join(', ');
    const description = [
      session.description ? text(session.description).text : '',
      speakers ? `Speakers: ${speakers}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:session-${session.id}@${host}`,
      `DTSTAMP:${utcStamp(options.stamp)}`,
      time('DTSTART', session.startsAt),
      time('DTEND', session.endsAt),
      textLine('SUMMARY', session.title),
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      `LOCATION:${escapeText([session.room, location].filter(Boolean).join(', '))}`,
      `RELATED-TO:${eventUid}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
