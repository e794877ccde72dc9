import * as z from 'zod/mini';
import { object } from './object';
import { DateTimeSchema, IdSchema } from './primitives';

/** Webhook and live-update event types, `noun.verb`. */
export const WEBHOOK_EVENT_TYPES = [
  'pain_point.created',
  'pain_point.updated',
  'pain_point.voted',
  'comment.created',
  'comment.hidden',
  'standard_mapping.created',
  'registration.created',
  'registration.cancelled',
  'registration.promoted',
  'event.updated',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** The body POSTed to a webhook endpoint, and the payload of a live update. */
export const WebhookEventSchema = object({
  id: IdSchema,
  type: WebhookEventTypeSchema,
  createdAt: DateTimeSchema,
  /** The changed object (a pain point, a comment, a registration…), by event type. */
  data: z.looseObject({}),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
