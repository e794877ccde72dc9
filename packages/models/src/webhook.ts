import * as z from 'zod/mini';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, HttpUrlSchema, IdSchema } from './primitives';
import { textRule } from './text';
import { WEBHOOK_EVENT_TYPES, WebhookEventTypeSchema } from './webhook-event';

/** A partner's URL receiving signed event notifications. */
export const WebhookEndpointSchema = object({
  id: IdSchema,
  url: z.string(),
  description: z.nullable(z.string()),
  eventTypes: z.array(openEnum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  createdAt: DateTimeSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** `POST /v1/webhook-endpoints`. The server also refuses private addresses (SSRF). */
export const WebhookEndpointCreateSchema = object({
  url: HttpUrlSchema,
  eventTypes: z.array(WebhookEventTypeSchema).check(z.minLength(1)),
  description: z.optional(z.nullable(z.string().check(textRule('multiple'), z.trim(), z.maxLength(500)))),
});
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreateSchema>;

/** Answer of the create route: the signing secret is shown this once. */
export const WebhookEndpointCreatedSchema = object({ ...WebhookEndpointSchema.shape, secret: z.string() });
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreatedSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const WebhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

/** One attempt series of sending one event to one endpoint. */
export const WebhookDeliverySchema = object({
  id: IdSchema,
  endpointId: IdSchema,
  eventId: IdSchema,
  eventType: openEnum(WEBHOOK_EVENT_TYPES),
  status: openEnum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  responseStatus: z.nullable(z.number()),
  lastAttemptAt: z.nullable(DateTimeSchema),
  nextAttemptAt: z.nullable(DateTimeSchema),
  createdAt: DateTimeSchema,
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
