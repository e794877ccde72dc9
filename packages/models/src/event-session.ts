import * as z from 'zod/mini';
import { LanguageSchema } from './enums';
import { LocalizedTextSchema, localizedTextSchema } from './localized-text';
import { object } from './object';
import { DateTimeSchema, IdSchema } from './primitives';
import { chronological } from './schema-helpers';
import { textRule } from './text';

/** A speaker of a session. */
export const SpeakerSchema = object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  affiliation: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/**
 * A speaker as a request gives it: name and affiliation held to the single-line text rule.
 * Responses keep {@link SpeakerSchema}, so clients never pay for the rule.
 */
export const SpeakerInputSchema = object({
  name: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(120)),
  affiliation: z.optional(z.nullable(z.string().check(textRule('single'), z.trim(), z.maxLength(200)))),
});

/** One slot of an event's programme, possibly discussing community pain points. */
export const EventSessionSchema = object({
  id: IdSchema,
  eventId: IdSchema,
  title: LocalizedTextSchema,
  description: z.nullable(LocalizedTextSchema),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  room: z.nullable(z.string()),
  language: z.optional(z.nullable(LanguageSchema)),
  speakers: z.array(SpeakerSchema),
  painPointIds: z.array(IdSchema),
});
export type EventSession = z.infer<typeof EventSessionSchema>;

/** `POST /v1/events/{id}/sessions` (admin). */
export const EventSessionCreateSchema = z
  .object({
    title: localizedTextSchema(200, 'single'),
    description: z.optional(z.nullable(localizedTextSchema(5000, 'multiple'))),
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    room: z.optional(z.nullable(z.string().check(textRule('single'), z.trim(), z.maxLength(120)))),
    language: z.optional(z.nullable(LanguageSchema)),
    speakers: z.optional(z.array(SpeakerInputSchema).check(z.maxLength(50))),
    painPointIds: z.optional(z.array(IdSchema).check(z.maxLength(50))),
  })
  .check(chronological('startsAt', 'endsAt'));
export type EventSessionCreate = z.infer<typeof EventSessionCreateSchema>;
