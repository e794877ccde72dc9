import * as z from 'zod/mini';
import { ELIGIBILITY_BASES, EligibilityBasisSchema } from './enums';
import { LocalizedTextSchema, localizedTextSchema } from './localized-text';
import { object } from './object';
import { openEnum } from './open-enum';
import {
  CityNameSchema,
  CountryCodeSchema,
  CursorParamSchema,
  DateTimeSchema,
  IdSchema,
  IntegerSchema,
  LimitSchema,
  SlugSchema,
} from './primitives';
import { chronological, optionalShape } from './schema-helpers';
import { textRule } from './text';

/**
 * Tells whether the runtime knows an IANA time zone name.
 *
 * @example
 * isTimeZone('Asia/Singapore'); // true
 * isTimeZone('Mars/Olympus'); // false
 */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .check(z.refine(isTimeZone, 'Expected an IANA time zone such as Asia/Singapore'));

/** An event held alongside, e.g. the World Cities Summit (`code: 'WCS'`). */
export const CoLocatedEventSchema = object({
  code: z.string().check(z.minLength(1), z.maxLength(40)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.nullable(z.string()),
});
export type CoLocatedEvent = z.infer<typeof CoLocatedEventSchema>;

/**
 * A co-located event as a request gives it: its code and name held to the single-line text rule.
 * Responses keep {@link CoLocatedEventSchema}, so clients never pay for the rule.
 */
export const CoLocatedEventInputSchema = object({
  code: z.string().check(textRule('single'), z.minLength(1), z.maxLength(40)),
  name: z.string().check(textRule('single'), z.minLength(1), z.maxLength(200)),
  url: z.nullable(z.string()),
});

/** A community event, e.g. the World Smart City Forum, Singapore, 13 July 2016. */
export const EventSchema = object({
  id: IdSchema,
  slug: z.string(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  timeZone: z.string(),
  city: z.string(),
  country: z.string(),
  venue: z.nullable(z.string()),
  organiserIds: z.array(IdSchema),
  coLocatedEvents: z.array(CoLocatedEventSchema),
  capacity: z.nullable(z.number()),
  registrationOpensAt: z.nullable(DateTimeSchema),
  registrationClosesAt: z.nullable(DateTimeSchema),
  freeAttendance: z.array(openEnum(ELIGIBILITY_BASES)),
  source: z.nullable(z.string()),
  /**
   * Confirmed seats still free when the event was read (`GET /v1/events/{id}`); null when the
   * event has no capacity. Live changes come as `registration.*` events on `events/{id}`.
   */
  seatsLeft: z.optional(z.nullable(z.number())),
  /** People on the waitlist when the event was read (`GET /v1/events/{id}`). */
  waitlisted: z.optional(z.number()),
});
export type Event = z.infer<typeof EventSchema>;

/** Ends after it starts; registration closes after it opens. */
const eventChecks = [
  chronological('startsAt', 'endsAt'),
  chronological('registrationOpensAt', 'registrationClosesAt'),
];

const eventFields = {
  slug: z.optional(SlugSchema),
  name: localizedTextSchema(200, 'single'),
  description: localizedTextSchema(10_000, 'multiple'),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  timeZone: TimeZoneSchema,
  city: CityNameSchema,
  country: CountryCodeSchema,
  venue: z.optional(z.nullable(z.string().check(textRule('single'), z.trim(), z.maxLength(300)))),
  organiserIds: z.optional(z.array(IdSchema).check(z.maxLength(20))),
  coLocatedEvents: z.optional(z.array(CoLocatedEventInputSchema).check(z.maxLength(20))),
  capacity: z.optional(z.nullable(IntegerSchema.check(z.minimum(1), z.maximum(1_000_000)))),
  registrationOpensAt: z.optional(z.nullable(DateTimeSchema)),
  registrationClosesAt: z.optional(z.nullable(DateTimeSchema)),
  freeAttendance: z.optional(z.array(EligibilityBasisSchema).check(z.maxLength(4))),
  source: z.optional(z.nullable(z.string().check(textRule('multiple'), z.maxLength(1000)))),
};

/** `POST /v1/events` (admin). */
export const EventCreateSchema = object(eventFields).check(...eventChecks);
export type EventCreate = z.infer<typeof EventCreateSchema>;

/** `PATCH /v1/events/{id}`: any field of `EventCreate`. */
export const EventUpdateSchema = object(optionalShape(eventFields)).check(...eventChecks);
export type EventUpdate = z.infer<typeof EventUpdateSchema>;

/** Query of `GET /v1/events`: upcoming (default) or past. */
export const EventListParamsSchema = object({
  when: z._default(z.enum(['upcoming', 'past', 'all']), 'upcoming'),
  /** Events ending at or after this instant. */
  from: z.optional(DateTimeSchema),
  /** Events starting before this instant. */
  to: z.optional(DateTimeSchema),
  city: z.optional(CityNameSchema),
  country: z.optional(CountryCodeSchema),
  /** An organiser organization's id. */
  organiser: z.optional(IdSchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type EventListParams = z.infer<typeof EventListParamsSchema>;
export type EventListParamsInput = z.input<typeof EventListParamsSchema>;
