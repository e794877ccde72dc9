import { CursorParamSchema, DateTimeSchema, IdSchema, LimitSchema, PageSchema } from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { readKeysetPage } from '../community/keyset-cursor';
import { listAuditEntries } from './repository';

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
      const { limit, cursor, ...filters } = request.query;
      return readKeysetPage({
        cursor,
        limit,
        sort: 'audit-log',
        keyTypes: ['timestamp', 'string'],
        read: (after, count) => listAuditEntries(app.db, filters, after, count),
        keysOf: (row) => [row.at_key, row.id],
        toItem: (row): AuditEntryView => ({
          id: row.id,
          at: row.at_key,
          actorId: row.actor_id,
          partnerId: row.partner_id,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          data: row.data,
          requestId: row.request_id,
        }),
      });
    },
  );
};
