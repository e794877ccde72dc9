import type { Event } from '@wsc/models';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { recordEventUpdated } from './outbox-events';

/** Who caused a change and through which partner and request: carried into every change record. */
export interface ChangeContext {
  actorId: string | null;
  partnerId: string | null;
  requestId: string | null;
}

/**
 * The one place an event change is written (`event.updated`), inside the transaction that made
 * it: live updates and webhooks add their outbox row here, so they commit or roll back with it.
 *
 * @example
 * await eventUpdated(trx, context, event, ['capacity']);
 */
export async function eventUpdated(
  db: Kysely<DatabaseSchema>,
  context: ChangeContext,
  event: Event,
  changed: readonly string[],
): Promise<void> {
  await recordAudit(db, {
    actorId: context.actorId,
    partnerId: context.partnerId,
    requestId: context.requestId,
    action: 'event.updated',
    subjectType: 'event',
    subjectId: event.id,
    data: { changed: [...changed], capacity: event.capacity },
  });
  await recordEventUpdated(db, event, changed, context.partnerId);
}
