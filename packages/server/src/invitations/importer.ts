import type { ProblemFieldError } from '@wsc/models';
import {
  CoLocatedRegistrantRowSchema,
  type EventImportKind,
  type EventImportReport,
  type ImportRowError,
  InvitationCodeRowSchema,
  MemberCodeRowSchema,
} from '@wsc/models/partner';
import { problemErrorsFromIssues } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { codeHint, hashCode, normalizeCode } from './codes';
import { parseCsv } from './csv';

type Database = Kysely<DatabaseSchema>;

/** Columns of each list, in the order organisers are told to write them; `*` marks required. */
export const IMPORT_COLUMNS: Record<EventImportKind, readonly { name: string; required: boolean }[]> = {
  'invitation-codes': [
    { name: 'code', required: true },
    { name: 'maxUses', required: false },
    { name: 'issuedBy', required: true },
    { name: 'expiresAt', required: false },
  ],
  'member-codes': [
    { name: 'body', required: true },
    { name: 'code', required: true },
  ],
  'co-located-registrants': [
    { name: 'eventCode', required: true },
    { name: 'reference', required: true },
    { name: 'name', required: false },
    { name: 'email', required: false },
  ],
};

const SCHEMAS = {
  'invitation-codes': InvitationCodeRowSchema,
  'member-codes': MemberCodeRowSchema,
  'co-located-registrants': CoLocatedRegistrantRowSchema,
} as const;

/** Rows written per transaction: a failure loses one batch at most, progress moves steadily. */
const BATCH_SIZE = 500;

export interface ImportOptions {
  /** The event's id or slug. */
  event: string;
  kind: EventImportKind;
  csv: string;
  /** Called after each batch with rows handled so far and the total (a progress bar). */
  onProgress?: ((done: number, total: number) => void) | undefined;
  actorId?: string | null | undefined;
  partnerId?: string | null | undefined;
  requestId?: string | null | undefined;
}

interface ValidRow {
  line: number;
  key: string;
  values: Record<string, unknown>;
}

function readHeader(kind: EventImportKind, cells: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  cells.forEach((cell, index) => {
    const match = IMPORT_COLUMNS[kind].find(
      (column) => column.name.toLowerCase() === cell.trim().toLowerCase(),
    );
    if (match && !positions.has(match.name)) positions.set(match.name, index);
  });
  const missing = IMPORT_COLUMNS[kind].filter((column) => column.required && !positions.has(column.name));
  if (missing.length > 0) {
    const expected = IMPORT_COLUMNS[kind].map((column) => column.name).join(',');
    throw domainError('import-header', {
      detail: `The first line must name the columns of a ${kind} list: ${expected}. Missing: ${missing.map((column) => column.name).join(', ')}.`,
      errors: missing.map((column) => ({ path: `header.${column.name}`, message: 'Missing column' })),
    });
  }
  return positions;
}

async function writeBatch(db: Database, eventId: string, kind: EventImportKind, rows: ValidRow[]) {
  // One statement may not touch a row twice: the last line of a repeated code wins.
  const unique = [...new Map(rows.map((row) => [row.key, row])).values()];
  if (unique.length === 0) return;
  if (kind === 'invitation-codes') {
    await db
      .insertInto('invitation_codes')
      .values(
        unique.map(({ values }) => ({
          event_id: eventId,
          code_hash: hashCode(String(values.code)),
          hint: codeHint(String(values.code)),
          issued_by: String(values.issuedBy),
          max_uses: Number(values.maxUses ?? 1),
          expires_at: (values.expiresAt as string | undefined) ?? null,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['event_id', 'code_hash']).doUpdateSet((eb) => ({
          issued_by: eb.ref('excluded.issued_by'),
          max_uses: eb.ref('excluded.max_uses'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      )
      .execute();
  } else if (kind === 'member-codes') {
    await db
      .insertInto('membership_codes')
      .values(
        unique.map(({ values }) => ({
          event_id: eventId,
          body: String(values.body),
          code_hash: hashCode(String(values.code)),
          hint: codeHint(String(values.code)),
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  } else {
    await db
      .insertInto('co_located_registrants')
      .values(
        unique.map(({ values }) => ({
          event_id: eventId,
          co_located_code: String(values.eventCode),
          reference_hash: hashCode(String(values.reference)),
          hint: codeHint(String(values.reference)),
          name: (values.name as string | undefined) ?? null,
          email: (values.email as string | undefined) ?? null,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['event_id', 'co_located_code', 'reference_hash']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          email: eb.ref('excluded.email'),
        })),
      )
      .execute();
  }
}

/**
 * Imports a list organisers were given, as CSV with a header line: invitation codes
 * (`code,maxUses,issuedBy,expiresAt`), member codes (`body,code`) or the registrants of a
 * co-located event (`eventCode,reference,name,email`). Every row is validated; bad rows are
 * reported by line and the good ones stored anyway. Importing a list again updates it.
 *
 * @example
 * const report = await importEventList(db, { event: 'world-smart-city-forum-2016', kind: 'invitation-codes', csv: 'code,issuedBy\nITU-2016-0042,ITU\n' });
 * report.failed; // [{ line: 3, errors: [{ path: 'issuedBy', message: '…' }] }]
 */
export async function importEventList(db: Database, options: ImportOptions): Promise<EventImportReport> {
  const { kind } = options;
  const event = await db
    .selectFrom('events')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', options.event), eb('slug', '=', options.event)]))
    .executeTakeFirst();
  if (!event) {
    throw domainError('event-not-found', { detail: `No event has the id or slug "${options.event}".` });
  }
  const eventId = event.id;
  const coLocated = await db
    .selectFrom('event_co_located')
    .select('code')
    .where('event_id', '=', eventId)
    .execute();

  const [header, ...records] = parseCsv(options.csv);
  if (!header) {
    throw domainError('import-header', {
      detail: `The file is empty; the first line must name the columns: ${IMPORT_COLUMNS[kind].map((column) => column.name).join(',')}.`,
    });
  }
  const positions = readHeader(kind, header.cells);
  const failed: ImportRowError[] = [];
  const valid: ValidRow[] = [];
  for (const record of records) {
    const raw: Record<string, string> = {};
    for (const [name, index] of positions) raw[name] = (record.cells[index] ?? '').trim();
    const parsed = SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      failed.push({ line: record.line, errors: problemErrorsFromIssues(parsed.error.issues) });
      continue;
    }
    const values = parsed.data as Record<string, unknown>;
    const errors: ProblemFieldError[] = [];
    let key = '';
    if (kind === 'co-located-registrants') {
      const match = coLocated.find(
        (row) => row.code.toLowerCase() === String(values.eventCode).toLowerCase(),
      );
      if (!match) {
        errors.push({
          path: 'eventCode',
          message: `Not an event held alongside this one (${coLocated.map((row) => row.code).join(', ') || 'none'})`,
        });
      } else values.eventCode = match.code;
      key = `${values.eventCode}:${normalizeCode(String(values.reference))}`;
    } else if (kind === 'invitation-codes') {
      key = normalizeCode(String(values.code));
    } else {
      key = `${values.body}:${normalizeCode(String(values.code))}`;
    }
    if (errors.length > 0) failed.push({ line: record.line, errors });
    else valid.push({ line: record.line, key, values });
  }

  const total = records.length;
  let done = total - valid.length;
  options.onProgress?.(done, total);
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    const batch = valid.slice(start, start + BATCH_SIZE);
    await db.transaction().execute((trx) => writeBatch(trx, eventId, kind, batch));
    done += batch.length;
    options.onProgress?.(done, total);
  }
  await recordAudit(db, {
    actorId: options.actorId ?? null,
    partnerId: options.partnerId ?? null,
    requestId: options.requestId ?? null,
    action: 'event.list_imported',
    subjectType: 'event',
    subjectId: eventId,
    data: { kind, rows: total, imported: valid.length, failed: failed.length },
  });
  return { kind, eventId, rows: total, imported: valid.length, failed };
}
