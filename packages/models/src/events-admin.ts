import * as z from 'zod/mini';
import { DomainSchema, LanguageSchema, MembershipBodySchema } from './enums';
import { SpeakerInputSchema } from './event-session';
import { localizedTextSchema } from './localized-text';
import { object } from './object';
import { PainPointViewSchema } from './payloads/community';
import { CursorParamSchema, DateTimeSchema, EmailSchema, IdSchema, LimitSchema } from './primitives';
import { ProblemFieldErrorSchema } from './problem';
import { RegistrationSchema, RegistrationStatusSchema } from './registration';
import { chronological } from './schema-helpers';
import { textRule } from './text';

// Payloads of the organiser routes of events (registrant lists, CSV export, imports of
// invitation codes and co-located registrants, programme proposals). Organisers work from their
// own tools or back ends, not from the embeddable widgets, so these stay out of the main entry.

/** `PATCH /v1/events/{id}/sessions/{sessionId}`: any field; `painPointIds` replaces the links. */
export const EventSessionUpdateSchema = z
  .object({
    title: z.optional(localizedTextSchema(200, 'single')),
    description: z.optional(z.nullable(localizedTextSchema(5000, 'multiple'))),
    startsAt: z.optional(DateTimeSchema),
    endsAt: z.optional(DateTimeSchema),
    room: z.optional(z.nullable(z.string().check(textRule('single'), z.trim(), z.maxLength(120)))),
    language: z.optional(z.nullable(LanguageSchema)),
    speakers: z.optional(z.array(SpeakerInputSchema).check(z.maxLength(50))),
    painPointIds: z.optional(z.array(IdSchema).check(z.maxLength(50))),
  })
  .check(chronological('startsAt', 'endsAt'));
export type EventSessionUpdate = z.infer<typeof EventSessionUpdateSchema>;

/**
 * What an organiser sees of one registration: the registration plus who registered, and how far
 * to trust the address: `emailConfirmed` when the member proved it to the community;
 * `emailAssertedBy` names the partner whose single sign-on gave it (the partner vouches for it,
 * the community did not check it), null for a community account.
 */
export const EventRegistrantSchema = z.extend(RegistrationSchema, {
  displayName: z.string(),
  email: z.string(),
  emailConfirmed: z.optional(z.boolean()),
  emailAssertedBy: z.optional(z.nullable(z.object({ partnerId: IdSchema, partnerName: z.string() }))),
  organizationId: z.nullable(IdSchema),
});
export type EventRegistrant = z.infer<typeof EventRegistrantSchema>;

/** Query of `GET /v1/events/{id}/registrations` (organisers). Arrival order. */
export const EventRegistrantListParamsSchema = object({
  status: z.optional(RegistrationStatusSchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type EventRegistrantListParams = z.infer<typeof EventRegistrantListParamsSchema>;

/** Column order of the CSV export (`Accept: text/csv` or `/registrations.csv`). */
export const REGISTRANT_CSV_COLUMNS = [
  'registrationId',
  'status',
  'waitlistPosition',
  'basis',
  'displayName',
  'email',
  'emailConfirmed',
  'emailAssertedByPartner',
  'organizationId',
  'createdAt',
  'cancelledAt',
] as const;

/** Lists organisers import; each is a CSV file with a header line naming the columns. */
export const EVENT_IMPORT_KINDS = ['invitation-codes', 'member-codes', 'co-located-registrants'] as const;
export const EventImportKindSchema = z.enum(EVENT_IMPORT_KINDS);
export type EventImportKind = z.infer<typeof EventImportKindSchema>;

const CodeSchema = z.string().check(textRule('single'), z.trim(), z.minLength(4), z.maxLength(100));
/** CSV cells are text: numbers are read from it, empty cells count as absent. */
const optionalCell = <Schema extends z.core.$ZodType>(schema: Schema) =>
  z.optional(
    z.pipe(
      z.transform((value: unknown) => (value === '' ? undefined : value)),
      z.optional(schema),
    ),
  );

/** One row of an `invitation-codes` file: `code,maxUses,issuedBy,expiresAt`. */
export const InvitationCodeRowSchema = object({
  code: CodeSchema,
  /** 1 (single use) when empty. */
  maxUses: optionalCell(
    z.coerce
      .number<unknown>()
      .check(z.refine(Number.isInteger, 'Expected an integer'), z.minimum(1), z.maximum(100_000)),
  ),
  issuedBy: MembershipBodySchema,
  expiresAt: optionalCell(DateTimeSchema),
});
export type InvitationCodeRow = z.infer<typeof InvitationCodeRowSchema>;

/** One row of a `member-codes` file: `body,code` (IEC, ISO or ITU member numbers). */
export const MemberCodeRowSchema = object({
  body: MembershipBodySchema,
  code: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100)),
});
export type MemberCodeRow = z.infer<typeof MemberCodeRowSchema>;

/** One row of a `co-located-registrants` file: `eventCode,reference,name,email`. */
export const CoLocatedRegistrantRowSchema = object({
  eventCode: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(40)),
  reference: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100)),
  name: optionalCell(z.string().check(textRule('single'), z.trim(), z.maxLength(200))),
  email: optionalCell(EmailSchema),
});
export type CoLocatedRegistrantRow = z.infer<typeof CoLocatedRegistrantRowSchema>;

/** Query of `POST /v1/events/{id}/imports` (body: the CSV file, `Content-Type: text/csv`). */
export const EventImportParamsSchema = object({ kind: EventImportKindSchema });
export type EventImportParams = z.infer<typeof EventImportParamsSchema>;

/** A row the importer refused: its line in the file (the header is line 1) and why. */
export const ImportRowErrorSchema = object({
  line: z.number(),
  errors: z.array(ProblemFieldErrorSchema),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** What an import did: good rows are stored even when others fail. */
export const EventImportReportSchema = object({
  kind: EventImportKindSchema,
  eventId: IdSchema,
  /** Data rows read (header and blank lines excluded). */
  rows: z.number(),
  /** Rows stored (new or updated). */
  imported: z.number(),
  failed: z.array(ImportRowErrorSchema),
});
export type EventImportReport = z.infer<typeof EventImportReportSchema>;

/** Query of `GET /v1/events/{id}/programme-proposals`. */
export const ProgrammeProposalParamsSchema = object({
  domain: z.optional(DomainSchema),
  /** Pain points per domain, most voted first (default 3). */
  perDomain: z._default(
    z.coerce.number<number | string>().check(z.refine(Number.isInteger), z.minimum(1), z.maximum(20)),
    3,
  ),
});
export type ProgrammeProposalParams = z.infer<typeof ProgrammeProposalParamsSchema>;

/** The most-voted unresolved pain points of each domain that no session of the event covers yet. */
export const ProgrammeProposalsSchema = object({
  eventId: IdSchema,
  data: z.array(object({ domain: DomainSchema, painPoints: z.array(PainPointViewSchema) })),
});
export type ProgrammeProposals = z.infer<typeof ProgrammeProposalsSchema>;
