import type { Event } from '@wsc/models';

/** Where an event's registration stands at a given moment. */
export type RegistrationPhase = 'not-open' | 'open' | 'closed';

/**
 * The registration phase of `event` at `now`, by the same rule as the server: not open before
 * `registrationOpensAt`, closed from `registrationClosesAt` or once the event has ended.
 *
 * @example
 * registrationPhase(forum2016); // 'closed'
 */
export function registrationPhase(
  event: Pick<Event, 'registrationOpensAt' | 'registrationClosesAt' | 'endsAt'>,
  now: Date = new Date(),
): RegistrationPhase {
  if (event.registrationOpensAt && now < new Date(event.registrationOpensAt)) return 'not-open';
  if (now >= new Date(event.endsAt)) return 'closed';
  if (event.registrationClosesAt && now >= new Date(event.registrationClosesAt)) return 'closed';
  return 'open';
}

/**
 * A span of time in the reader's language and own time zone: `formatRange` writes the parts both
 * ends share once ("Wednesday 13 July 2016, 03:00–12:00"). Where a browser lacks it, or refuses
 * the two dates (an end before the start, an invalid date), both ends are written in full, so a
 * bad date never breaks a widget.
 *
 * @example
 * formatDateRange('fr', event.startsAt, event.endsAt); // 'mercredi 13 juillet 2016, 03:00 – 12:00'
 */
export function formatDateRange(
  language: string,
  start: string | Date,
  end: string | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' },
): string {
  const from = new Date(start);
  const to = new Date(end);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, options);
  } catch {
    format = new Intl.DateTimeFormat(language);
  }
  const write = (date: Date) => (Number.isNaN(date.getTime()) ? '' : format.format(date));
  if (typeof format.formatRange === 'function' && from <= to) {
    try {
      return format.formatRange(from, to);
    } catch {
      // An invalid date: written below as far as possible.
    }
  }
  return [write(from), write(to)].filter(Boolean).join(' – ');
}

/** What the wording helpers need of a widget's translator: messages with these keys, and dates. */
interface EventWording {
  t(
    key:
      | 'registrationOpens'
      | 'registrationOpenUntil'
      | 'registrationOpen'
      | 'registrationClosed'
      | 'seatsLeft'
      | 'full',
    values?: Record<string, string | number>,
  ): string;
  date(value: string, options: Intl.DateTimeFormatOptions): string;
}

/**
 * When registration opens or until when it is open, in the reader's words and time zone.
 *
 * @example
 * registrationWindowText(this.i18n, event); // 'Registration is open until 13 July 2027 at 09:00.'
 */
export function registrationWindowText(
  i18n: EventWording,
  event: Pick<Event, 'registrationOpensAt' | 'registrationClosesAt' | 'endsAt'>,
): string {
  const when = (value: string) => i18n.date(value, { dateStyle: 'long', timeStyle: 'short' });
  switch (registrationPhase(event)) {
    case 'not-open':
      return i18n.t('registrationOpens', { date: when(event.registrationOpensAt as string) });
    case 'closed':
      return i18n.t('registrationClosed');
    default:
      return event.registrationClosesAt
        ? i18n.t('registrationOpenUntil', { date: when(event.registrationClosesAt) })
        : i18n.t('registrationOpen');
  }
}

/**
 * The seats left in the reader's words ('3 seats left', 'Full…'); empty without a limit or a count.
 *
 * @example
 * seatsText(this.i18n, { capacity: 100, seatsLeft: 3, waitlisted: 0 }); // '3 seats left'
 */
export function seatsText(
  i18n: EventWording,
  seats: { capacity: number | null; seatsLeft: number | null } | undefined,
): string {
  if (!seats || seats.capacity === null || seats.seatsLeft === null) return '';
  return seats.seatsLeft > 0 ? i18n.t('seatsLeft', { count: seats.seatsLeft }) : i18n.t('full');
}
