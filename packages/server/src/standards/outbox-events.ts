import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { recordEvent } from '../outbox/record-event';
import type { MappingRow } from './repository';
import { standardMappingView } from './view';

type Database = Kysely<DatabaseSchema>;

/**
 * `standard_mapping.created`: an expert mapped a standard to a pain point. Public.
 *
 * @example
 * await recordStandardMappingEvent(trx, row, actor.partnerId);
 */
export async function recordStandardMappingEvent(
  trx: Database,
  row: MappingRow,
  partnerId: string | null,
): Promise<void> {
  await recordEvent(trx, {
    type: 'standard_mapping.created',
    subject: { type: 'standard_mapping', id: row.id },
    data: standardMappingView(row, false),
    partnerId,
    visibility: 'public',
  });
}
