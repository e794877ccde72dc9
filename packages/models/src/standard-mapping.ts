import * as z from 'zod/mini';
import { COVERAGE_LEVELS, CoverageLevelSchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, IdSchema } from './primitives';
import { StandardSchema } from './standard';
import { textRule } from './text';

/** An expert's judgement that a standard addresses a pain point fully, partly or not at all. */
export const StandardMappingSchema = object({
  id: z.optional(IdSchema),
  painPointId: IdSchema,
  standardId: IdSchema,
  coverage: openEnum(COVERAGE_LEVELS),
  /** The clause that addresses it, e.g. `5.3`. */
  clause: z.nullable(z.string()),
  /** The expert's note; null while a moderator hides it (`noteHidden`), except for moderators. */
  note: z.nullable(z.string()),
  /** A moderator hid the note. */
  noteHidden: z.optional(z.boolean()),
  expertId: IdSchema,
  createdAt: DateTimeSchema,
  /** The mapped standard, embedded by `GET /v1/pain-points/{id}/standards`. */
  standard: z.optional(StandardSchema),
});
export type StandardMapping = z.infer<typeof StandardMappingSchema>;

/** `POST /v1/pain-points/{id}/standards` (expert): the pain point comes from the path. */
export const StandardMappingCreateSchema = object({
  standardId: IdSchema,
  coverage: CoverageLevelSchema,
  clause: z.optional(
    z.nullable(z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100))),
  ),
  note: z.optional(z.nullable(z.string().check(textRule('multiple'), z.trim(), z.maxLength(2000)))),
});
export type StandardMappingCreate = z.infer<typeof StandardMappingCreateSchema>;

/** `POST /v1/pain-points/{id}/standards/{standardId}/note/hide` (moderators): why, for the audit log. */
export const StandardMappingNoteHideSchema = object({
  reason: z.string().check(textRule('multiple'), z.trim(), z.minLength(1), z.maxLength(1000)),
});
export type StandardMappingNoteHide = z.infer<typeof StandardMappingNoteHideSchema>;
