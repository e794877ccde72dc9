import { CursorParamSchema, DateTimeSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import * as z from 'zod/mini';
import { decodeCursor, encodeCursor } from '../http/cursor';

/** One audit log entry as `GET /v1/audit-log` serves it. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: DateTimeSchema,
  actorId: z.nullable(z.string()),
  partnerId: z.nullable(z.string()),
  /** `noun.verb`: `comment.hidden`, `account.updated`, `pain_point.status_changed`… */
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.nullable(z.string()),
  data: z.record(z.string(), z.unknown()),
  requestId: z.nullable(z.string()),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

const AuditLogQuerySchema = z.object({
  subjectType: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  subjectId: z.optional(IdSchema),
  actorId: z.optional(IdSchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});

/** `at` to the microsecond, in UTC: a cursor must not lose the precision PostgreSQL orders by. */
const AT_TEXT = sql<string>`to_char(audit_log.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * `GET /v1/audit-log` (admin): the audit log, newest first, in keyset pages, filtered by
 * subject (`subjectType`, `subjectId`) and by actor (`actorId`).
 *
 * @example
 * await app.register(auditRoutes);
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/audit-log',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        answers: { 200: 'A page of audit entries, newest first.' },
        tags: ['admin'],
        summary: 'Read the audit log, newest first (admin)',
        description:
          'Every moderation action, role change, partner key change and moderator edit. Filters combine with AND; pass `nextCursor` back unchanged with the same filters.',
        querystring: AuditLogQuerySchema,
        response: { 200: PageSchema(AuditEntrySchema) },
      },
    },
    async (request) => {
      const { subjectType, subjectId, actorId, limit, cursor } = request.query;
      let query = app.db
        .selectFrom('audit_log')
        .select([
          'audit_log.id',
          'audit_log.actor_id',
          'audit_log.partner_id',
          'audit_log.action',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.data',
          'audit_log.request_id',
          AT_TEXT.as('at_text'),
        ])
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(limit + 1);
      if (subjectType) query = query.where('audit_log.subject_type', '=', subjectType);
      if (subjectId) query = query.where('audit_log.subject_id', '=', subjectId);
      if (actorId) query = query.where('audit_log.actor_id', '=', actorId);
      if (cursor) {
        const after = decodeCursor(cursor, ['at', 'id']);
        const at = String(after.at);
        query = query.where(
          sql<boolean>`(audit_log.at, audit_log.id) < (${at}::timestamptz, ${String(after.id)})`,
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        data: page.map(
          (row): AuditEntryView => ({
            id: row.id,
            at: row.at_text,
            actorId: row.actor_id,
            partnerId: row.partner_id,
            action: row.action,
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            data: row.data,
            requestId: row.request_id,
          }),
        ),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at_text, id: last.id }) : null,
      };
    },
  );
};
