import * as z from 'zod/mini';
import { CommentSchema } from './comment';
import { compileCheck } from './compile-check';
import { EventSchema } from './event';
import { object } from './object';
import { openEnum } from './open-enum';
import { PainPointSchema } from './pain-point';
import { DateTimeSchema, IdSchema } from './primitives';
import { type Registration, RegistrationSchema } from './registration';
import { StandardMappingSchema } from './standard-mapping';

/** Webhook and live-update event types, `noun.verb`. */
export const WEBHOOK_EVENT_TYPES = [
  'pain_point.created',
  'pain_point.updated',
  'pain_point.voted',
  'comment.created',
  'comment.updated',
  'comment.hidden',
  'standard_mapping.created',
  'registration.created',
  'registration.cancelled',
  'registration.promoted',
  'event.updated',
] as const;
/** Strict: what a webhook endpoint may subscribe to. */
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/**
 * The envelope POSTed to a webhook endpoint and sent as one live update, whatever its type: a
 * newer server may send types this version does not know. `data` by type: `WebhookEvent`.
 */
export const WebhookEventSchema = object({
  id: IdSchema,
  type: openEnum(WEBHOOK_EVENT_TYPES),
  createdAt: DateTimeSchema,
  data: z.looseObject({}),
});

/** One event of a known type: `type` tells what `data` holds. */
export interface WebhookEventOf<Type extends WebhookEventType> {
  /** Unique per event; the live stream's `Last-Event-ID`. Deduplicate webhooks by it. */
  id: string;
  type: Type;
  createdAt: string;
  data: WebhookEventData<Type>;
}

/**
 * Every webhook and live event this version knows, discriminated by `type`. Check
 * `isKnownWebhookEvent` first: a newer server may send an `UnknownWebhookEvent`.
 *
 * @example
 * if (isKnownWebhookEvent(event)) {
 *   switch (event.type) {
 *     case 'pain_point.voted':
 *       console.log(event.data.painPointId, event.data.voteCount);
 *       break;
 *     case 'registration.promoted':
 *       if ('id' in event.data) notify(event.data.stakeholderId);
 *       break;
 *   }
 * }
 */
export type WebhookEvent = { [Type in WebhookEventType]: WebhookEventOf<Type> }[WebhookEventType];

/** An event of a type added after this version: read `type` and `data` with care, or ignore it. */
export interface UnknownWebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** Seats of an event after a registration changed; `capacity` and `seatsLeft` null when unlimited. */
export interface RegistrationSeats {
  eventId: string;
  capacity: number | null;
  seatsLeft: number | null;
  waitlisted: number;
}

/**
 * `registration.*` data: the registration with the seats for the member, the event's organisers,
 * admins and the partner it came through; the seats alone (no `id`) for everyone else.
 */
export type RegistrationEventData = RegistrationSeats | (Registration & RegistrationSeats);

// One object with the registration's fields optional rather than a union of the two shapes: the
// same answers pass, and browsers are spared zod's union code. `'id' in data` tells them apart.
const RegistrationEventDataSchema = object({
  eventId: IdSchema,
  capacity: z.nullable(z.number()),
  seatsLeft: z.nullable(z.number()),
  waitlisted: z.number(),
  id: z.optional(IdSchema),
  stakeholderId: z.optional(IdSchema),
  status: z.optional(RegistrationSchema.shape.status),
  waitlistPosition: z.optional(RegistrationSchema.shape.waitlistPosition),
  basis: z.optional(RegistrationSchema.shape.basis),
  sessionIds: RegistrationSchema.shape.sessionIds,
  createdAt: z.optional(DateTimeSchema),
  cancelledAt: RegistrationSchema.shape.cancelledAt,
}) as unknown as z.ZodMiniType<RegistrationEventData>;

/**
 * A pain point in an event: every language of its text, with `locked` and `sample` as the API
 * shows them (absent from events stored before they were added).
 */
const PainPointEventDataSchema = object({
  ...PainPointSchema.shape,
  /** A moderator locked the discussion: no new comments or replies. */
  locked: z.optional(z.boolean()),
  /** Seeded from the catalogue to show what a pain point looks like. */
  sample: z.optional(z.boolean()),
});

/** The `data` of each event type, as the server's outbox writes it (each feature's `outbox-events.ts`). */
export const WEBHOOK_EVENT_DATA_SCHEMAS = {
  /**
   * The pain point in every language it has; once it is edited, earlier events carry its title
   * and description of today.
   */
  'pain_point.created': PainPointEventDataSchema,
  'pain_point.updated': PainPointEventDataSchema,
  /** The new count, never who voted. */
  'pain_point.voted': object({ painPointId: IdSchema, voteCount: z.number() }),
  /**
   * The comment; its text is withdrawn (`body: ''`, `hidden: true`) once a moderator hides it,
   * and becomes the edited text once its author edits it.
   */
  'comment.created': object({ ...CommentSchema.shape, locked: z.optional(z.boolean()) }),
  /** The comment after its author edited it (`updatedAt` tells when); withdrawn as `comment.created` is. */
  'comment.updated': object({ ...CommentSchema.shape, locked: z.optional(z.boolean()) }),
  /** Ids only, so pages can remove the comment. */
  'comment.hidden': object({
    id: IdSchema,
    painPointId: IdSchema,
    parentId: z.nullable(IdSchema),
    /** Always true. */
    hidden: z.boolean(),
    hiddenAt: DateTimeSchema,
  }),
  'standard_mapping.created': StandardMappingSchema,
  'registration.created': RegistrationEventDataSchema,
  'registration.cancelled': RegistrationEventDataSchema,
  'registration.promoted': RegistrationEventDataSchema,
  /** The event as the API shows it, the fields that changed and the seats left. */
  'event.updated': object({
    ...EventSchema.shape,
    changed: z.array(z.string()),
    seatsLeft: z.nullable(z.number()),
    waitlisted: z.number(),
  }),
} satisfies Record<WebhookEventType, z.ZodMiniType>;

/** The `data` of one event type. */
export type WebhookEventData<Type extends WebhookEventType> = z.infer<
  (typeof WEBHOOK_EVENT_DATA_SCHEMAS)[Type]
>;

/**
 * Whether an event is of a type this version knows; narrows it to `WebhookEvent`, whose
 * `switch (event.type)` then types each `data`.
 *
 * @example
 * if (!isKnownWebhookEvent(event)) return; // from a newer server: nothing to do yet
 */
export function isKnownWebhookEvent(event: WebhookEvent | UnknownWebhookEvent): event is WebhookEvent {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** What `parseWebhookEvent` found wrong, by path (`data.voteCount`). */
export interface WebhookEventIssue {
  path: string;
  message: string;
}

/** The outcome of `parseWebhookEvent`. */
export type WebhookEventParseResult =
  | { success: true; event: WebhookEvent | UnknownWebhookEvent }
  | { success: false; issues: WebhookEventIssue[] };

/**
 * Checks a received event (webhook body or live update, parsed JSON): the envelope always, and
 * `data` against its type's schema when the type is known. An unknown type passes with its data
 * unchecked. The event is returned as received, fields this version does not know included.
 *
 * @example
 * const result = parseWebhookEvent(JSON.parse(body));
 * if (result.success && isKnownWebhookEvent(result.event)) console.log(result.event.type);
 */
export function parseWebhookEvent(value: unknown): WebhookEventParseResult {
  const envelopeIssues = issuesOf(WebhookEventSchema, value);
  if (envelopeIssues) return { success: false, issues: envelopeIssues };
  const event = value as UnknownWebhookEvent;
  if ((WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
    const dataIssues = issuesOf(
      WEBHOOK_EVENT_DATA_SCHEMAS[event.type as WebhookEventType],
      event.data,
      'data',
    );
    if (dataIssues) return { success: false, issues: dataIssues };
  }
  return { success: true, event: event as WebhookEvent | UnknownWebhookEvent };
}

/** Null when valid; the compiled check answers first, zod explains a refusal. */
function issuesOf(schema: z.ZodMiniType, value: unknown, at?: string): WebhookEventIssue[] | null {
  if (compileCheck(schema)?.(value)) return null;
  const result = schema.safeParse(value);
  if (result.success) return null;
  return result.error.issues.map((issue) => ({
    path: [...(at ? [at] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
