import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { Database } from '../database/create-database';
import { domainError } from '../errors/domain-error';

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });

/**
 * `GET /health` (the process answers) and `GET /ready` (the database answers too; 503 when not).
 *
 * @example
 * registerHealthRoutes(app, database);
 */
export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get(
    '/health',
    {
      config: { anonymous: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        response: { 200: HealthSchema },
        answers: { 200: 'The process answers.' },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      config: { anonymous: true },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: { 200: ReadySchema },
        answers: { 200: 'The database answers: this instance can take traffic.' },
        problems: ['unavailable'],
      },
    },
    async () => {
      if (!(await database.ping(2000))) {
        throw domainError('unavailable', {
          detail: 'Database unavailable.',
          headers: { 'retry-after': '5' },
        });
      }
      return { status: 'ready' as const, database: database.kind };
    },
  );
}
