/**
 * Offset of an IANA time zone from UTC at an instant, in minutes (Singapore: 480).
 *
 * @example
 * offsetMinutes(new Date('2016-07-13T01:00:00Z'), 'Asia/Singapore'); // 480
 */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc - wholeSeconds) / 60_000);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** `+08:00`, `-05:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * The wall-clock fields of an instant in a time zone.
 *
 * @example
 * localParts(new Date('2016-07-13T01:00:00Z'), 'Asia/Singapore'); // { year: 2016, month: 7, day: 13, hour: 9, … }
 */
export function localParts(instant: Date, timeZone: string) {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * An instant as ISO 8601 in the event's local time with its offset, as people read event times.
 *
 * @example
 * toLocalIso(new Date('2016-07-13T01:00:00Z'), 'Asia/Singapore'); // '2016-07-13T09:00:00+08:00'
 */
export function toLocalIso(instant: Date, timeZone: string): string {
  const local = localParts(instant, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${formatOffset(offsetMinutes(instant, timeZone))}`;
}

/**
 * True when the zone keeps one offset over the whole year of `instant` (no daylight saving then),
 * so a one-rule VTIMEZONE describes it exactly.
 *
 * @example
 * hasFixedOffset(new Date('2016-07-13T01:00:00Z'), 'Asia/Singapore'); // true
 * hasFixedOffset(new Date('2016-07-13T01:00:00Z'), 'Europe/Zurich'); // false
 */
export function hasFixedOffset(instant: Date, timeZone: string): boolean {
  const year = instant.getUTCFullYear();
  const first = offsetMinutes(new Date(Date.UTC(year, 0, 1)), timeZone);
  for (let month = 1; month <= 12; month += 1) {
    if (offsetMinutes(new Date(Date.UTC(year, month, 1)), timeZone) !== first) return false;
  }
  return true;
}
