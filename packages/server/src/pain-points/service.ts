import {
  LANGUAGES,
  type Language,
  type LocalizedText,
  type Page,
  type PainPointView as PainPoint,
  type PainPointCountryCounts,
  type PainPointCountryCountsParams,
  type PainPointCreate,
  type PainPointListParams,
  type PainPointStatus,
  type PainPointStatusChange,
  type PainPointUpdate,
} from '@wsc/models';
import { transitionPainPoint } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { holdSubject } from '../database/turns';
import { type DomainError, domainError } from '../errors/domain-error';
import { moveVotes } from '../votes/repository';
import { recordPainPointEvent } from './outbox-events';
import {
  countPainPointsByCountry,
  findPainPoint,
  findPainPointForUpdate,
  insertPainPoint,
  listPainPoints,
  type PainPointChanges,
  type PainPointRow,
  SORT_KEYS,
  sortKeyOf,
  updatePainPoint,
} from './repository';
import { painPointView } from './view';

type Database = Kysely<DatabaseSchema>;

function notFound(id: string): DomainError {
  return domainError('not-found', { detail: `No pain point has the id ${id}.` });
}

/**
 * Reads one pain point or throws 404.
 *
 * @example
 * const painPoint = await getPainPoint(db, actor, id);
 */
export async function getPainPoint(db: Database, actor: Actor, id: string): Promise<PainPoint> {
  const row = await findPainPoint(db, id, actor.account?.id ?? null);
  if (!row) throw notFound(id);
  return painPointView(row, actor.languages);
}

/**
 * One page of pain points: filters, sort and the keyset cursor of the previous page.
 *
 * @example
 * const page = await listPainPointPage(db, actor, { sort: 'top', limit: 20 });
 */
export async function listPainPointPage(
  db: Database,
  actor: Actor,
  params: PainPointListParams,
): Promise<Page<PainPoint>> {
  const { keyType } = SORT_KEYS[params.sort];
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort: params.sort,
    keyTypes: [keyType, 'string'],
    read: (after, count) => listPainPoints(db, params, params.sort, after, count, actor.account?.id ?? null),
    keysOf: (row) => sortKeyOf(row, params.sort),
    toItem: (row) => painPointView(row, actor.languages),
  });
}

/**
 * How many pain points the list holds per country with these filters, most first; the list shows
 * every caller the same pain points (only a member's `voted` flags differ), so the counts do too.
 *
 * @example
 * const { data, total, withoutCountry } = await countPainPointCountries(db, { domain: 'water' });
 */
export async function countPainPointCountries(
  db: Database,
  params: PainPointCountryCountsParams,
): Promise<PainPointCountryCounts> {
  const rows = await countPainPointsByCountry(db, params);
  const data: PainPointCountryCounts['data'] = [];
  let total = 0;
  let withoutCountry = 0;
  for (const row of rows) {
    total += row.count;
    if (row.country === null) withoutCountry = row.count;
    else data.push({ country: row.country, count: row.count });
  }
  return { data, total, withoutCountry };
}

/** Languages holding non-blank text, in the order the author gave them. */
function languagesWithText(text: LocalizedText): Language[] {
  return (Object.keys(text) as Language[]).filter(
    (language) => LANGUAGES.includes(language) && (text[language] ?? '').trim() !== '',
  );
}

/** Drops blank values and trims the rest, so stored text never holds empty translations. */
function cleanText(text: LocalizedText): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const language of languagesWithText(text)) clean[language] = (text[language] ?? '').trim();
  return clean;
}

/**
 * Posts a pain point for the signed-in member (status `open`). The author's language is
 * `input.language` or the first language the title is given in, and must hold title text.
 *
 * @example
 * const painPoint = await createPainPoint(db, actor, { title: { zh: '城市交通拥堵' }, … });
 */
export async function createPainPoint(
  db: Database,
  actor: Actor,
  input: PainPointCreate,
): Promise<PainPoint> {
  const account = requireActor(actor);
  const titleLanguages = languagesWithText(input.title);
  const language = input.language ?? titleLanguages[0] ?? 'en';
  if (!titleLanguages.includes(language)) {
    throw domainError('validation-failed', {
      detail: `The title has no text in the author's language "${language}".`,
      errors: [
        { path: 'language', message: `Give the title in ${language}, or name a language the title is in` },
      ],
    });
  }
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await insertPainPoint(trx, {
      slug: input.slug ?? null,
      title: cleanText(input.title),
      description: cleanText(input.description),
      language,
      domain: input.domain,
      city: input.city ?? null,
      country: input.country ?? null,
      severity: input.severity,
      authorId: account.id,
      partnerId: actor.partnerId,
    });
    if (inserted) await recordPainPointEvent(trx, 'pain_point.created', inserted, actor.partnerId);
    return inserted;
  });
  if (!row) {
    throw domainError('slug-taken', {
      detail: `Another pain point already has the slug "${input.slug}".`,
      errors: [{ path: 'slug', message: 'Choose another slug' }],
    });
  }
  return painPointView({ ...row, voted: false }, actor.languages);
}

function requireActor(actor: Actor) {
  if (!actor.account) {
    throw domainError('authentication-required', { headers: { 'www-authenticate': 'Bearer' } });
  }
  return actor.account;
}

/** Merges a localized edit into stored text: given languages replace, blank ones remove. */
function mergeText(
  stored: Record<string, string>,
  edit: LocalizedText,
  field: string,
): Record<string, string> {
  const merged: Record<string, string> = { ...stored };
  for (const language of LANGUAGES) {
    const value = edit[language];
    if (value === undefined) continue;
    if (value.trim() === '') delete merged[language];
    else merged[language] = value.trim();
  }
  if (Object.keys(merged).length === 0) {
    throw domainError('validation-failed', {
      detail: `The ${field} would have no text left in any language.`,
      errors: [{ path: field, message: 'Keep the text in at least one language' }],
    });
  }
  return merged;
}

const CONTENT_FIELDS = ['title', 'description', 'domain', 'city', 'country', 'severity'] as const;

/**
 * Edits a pain point. Content (title, description, domain, place, severity) may be edited by
 * its author or a moderator; a `status` in the same body is a lifecycle move checked by
 * {@link changePainPointStatus}'s rule. Localized fields merge per language: given languages
 * replace the stored text, a blank string removes that language.
 *
 * @example
 * await updatePainPointContent(db, actor, id, { title: { fr: 'Embouteillages' } });
 */
export async function updatePainPointContent(
  db: Database,
  actor: Actor,
  id: string,
  input: PainPointUpdate,
): Promise<PainPoint> {
  const account = requireActor(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findPainPointForUpdate(trx, id);
    if (!row) throw notFound(id);
    const editsContent = CONTENT_FIELDS.some((field) => input[field] !== undefined);
    const isAuthor = row.author_id !== null && row.author_id === account.id;
    if (editsContent && !isAuthor && !hasRole(account, 'moderator')) {
      throw domainError('not-author', { detail: 'Only the author or a moderator may edit a pain point.' });
    }
    const changes: PainPointChanges = {};
    if (input.title) changes.title = mergeText(row.title, input.title, 'title');
    if (input.description) changes.description = mergeText(row.description, input.description, 'description');
    if (changes.title && !changes.title[row.language]) {
      // The author's language must keep its title: it is every reader's last fallback.
      throw domainError('validation-failed', {
        detail: `The title in the author's language (${row.language}) cannot be removed.`,
        errors: [{ path: `title.${row.language}`, message: 'Keep the title in the original language' }],
      });
    }
    if (input.domain !== undefined) changes.domain = input.domain;
    if (input.city !== undefined) changes.city = input.city;
    if (input.country !== undefined) changes.country = input.country;
    if (input.severity !== undefined) changes.severity = input.severity;
    if (input.status !== undefined) {
      Object.assign(
        changes,
        await checkTransition(trx, actor, row, { status: input.status, duplicateOf: input.duplicateOf }),
      );
    }
    await updatePainPoint(trx, id, changes);
    if (editsContent && !isAuthor) await auditModeratorEdit(trx, actor, row, changes);
    if (input.status !== undefined) await afterStatusChange(trx, actor, row, changes, input.note);
    await recordPainPointEvent(trx, 'pain_point.updated', id, actor.partnerId);
  });
  return getPainPoint(db, actor, id);
}

/**
 * A moderator changed someone else's words: the audit log keeps what was there before, so the
 * author (and other moderators) can see what was changed and by whom.
 */
async function auditModeratorEdit(
  db: Database,
  actor: Actor,
  row: PainPointRow,
  changes: PainPointChanges,
): Promise<void> {
  const fields = CONTENT_FIELDS.filter((field) => changes[field] !== undefined);
  const before: Record<string, unknown> = {};
  for (const field of fields) before[field] = row[field];
  await recordAudit(db, {
    actorId: actor.account?.id ?? null,
    partnerId: actor.partnerId,
    requestId: actor.requestId,
    action: 'pain_point.edited_by_moderator',
    subjectType: 'pain_point',
    subjectId: row.id,
    data: { authorId: row.author_id, fields, before },
  });
}

/**
 * Moves a pain point through its lifecycle (`POST /v1/pain-points/{id}/status`), by the rule
 * `transitionPainPoint` of @wsc/models: experts and moderators triage and map, the author or
 * staff close, staff mark duplicates. Refusals: 403 (role), 409 (illegal move), 422 (duplicateOf).
 *
 * @example
 * await changePainPointStatus(db, actor, id, { status: 'under-review' });
 */
export async function changePainPointStatus(
  db: Database,
  actor: Actor,
  id: string,
  input: PainPointStatusChange,
): Promise<PainPoint> {
  requireActor(actor);
  await db.transaction().execute(async (trx) => {
    const original = input.status === 'duplicate' ? input.duplicateOf : null;
    if (original && original !== id) {
      // A merge changes two pain points: take both turns, in one order for every merge, so two
      // opposite merges (A into B, B into A) queue instead of deadlocking, and the original
      // cannot become a duplicate itself between the check below and the votes moving onto it.
      for (const subject of [id, original].sort()) await holdSubject(trx, 'pain_point', subject);
    }
    const row = await findPainPointForUpdate(trx, id);
    if (!row) throw notFound(id);
    const changes = await checkTransition(trx, actor, row, input);
    await updatePainPoint(trx, id, changes);
    await afterStatusChange(trx, actor, row, changes, input.note);
    await recordPainPointEvent(trx, 'pain_point.updated', id, actor.partnerId);
  });
  return getPainPoint(db, actor, id);
}

async function checkTransition(
  db: Database,
  actor: Actor,
  row: PainPointRow,
  input: { status: PainPointStatus; duplicateOf?: string | null | undefined },
): Promise<PainPointChanges> {
  const account = requireActor(actor);
  const result = transitionPainPoint(row.status as PainPointStatus, input.status, {
    actorRoles: account.roles,
    isAuthor: row.author_id !== null && row.author_id === account.id,
    painPointId: row.id,
    duplicateOf: input.duplicateOf ?? null,
  });
  if (!result.ok) {
    if (result.code === 'forbidden') {
      throw domainError('transition-forbidden', { detail: result.reason });
    }
    if (result.code === 'needs-duplicate-of') {
      throw domainError('validation-failed', {
        detail: result.reason,
        errors: [{ path: 'duplicateOf', message: result.reason }],
      });
    }
    throw domainError('illegal-transition', { detail: result.reason });
  }
  if (input.status === 'duplicate' && input.duplicateOf) await checkOriginal(db, input.duplicateOf);
  return {
    status: input.status,
    duplicateOf: input.status === 'duplicate' ? (input.duplicateOf ?? null) : null,
  };
}

/**
 * The original of a merge must exist and must not be a duplicate itself: votes moved onto a
 * duplicate would be stranded, and two pain points could name each other.
 */
async function checkOriginal(db: Database, originalId: string): Promise<void> {
  const original = await findPainPoint(db, originalId);
  const refuse = (detail: string, message: string) =>
    domainError('validation-failed', { detail, errors: [{ path: 'duplicateOf', message }] });
  if (!original) throw refuse(`No pain point has the id ${originalId}.`, 'Unknown pain point');
  if (original.status === 'duplicate') {
    throw refuse(
      `Pain point ${originalId} is itself marked duplicate of ${original.duplicate_of}.`,
      `Marked duplicate of ${original.duplicate_of}: name that one`,
    );
  }
}

/**
 * Audits a status move; a pain point marked duplicate hands its votes to the original (the
 * lifecycle makes `duplicate` final for that reason).
 */
async function afterStatusChange(
  db: Database,
  actor: Actor,
  row: PainPointRow,
  changes: PainPointChanges,
  note: string | undefined,
): Promise<void> {
  let votesMoved: number | undefined;
  if (changes.status === 'duplicate' && changes.duplicateOf) {
    votesMoved = await moveVotes(db, row.id, changes.duplicateOf);
    // The original's count changed: pages following it on a live stream hear of it.
    if (votesMoved > 0) {
      await recordPainPointEvent(db, 'pain_point.updated', changes.duplicateOf, actor.partnerId);
    }
  }
  await recordAudit(db, {
    actorId: actor.account?.id ?? null,
    partnerId: actor.partnerId,
    requestId: actor.requestId,
    action: 'pain_point.status_changed',
    subjectType: 'pain_point',
    subjectId: row.id,
    data: {
      from: row.status,
      to: changes.status,
      ...(changes.duplicateOf ? { duplicateOf: changes.duplicateOf, votesMoved } : {}),
      ...(note ? { note } : {}),
    },
  });
}

/**
 * Locks or unlocks a pain point's discussion (moderators): no new comments or replies while
 * locked. Recorded in the audit log.
 *
 * @example
 * await setPainPointLocked(db, actor, id, true);
 */
export async function setPainPointLocked(
  db: Database,
  actor: Actor,
  id: string,
  locked: boolean,
): Promise<PainPoint> {
  await db.transaction().execute(async (trx) => {
    const row = await findPainPointForUpdate(trx, id);
    if (!row) throw notFound(id);
    await updatePainPoint(trx, id, { locked });
    await recordAudit(trx, {
      actorId: actor.account?.id ?? null,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: locked ? 'pain_point.locked' : 'pain_point.unlocked',
      subjectType: 'pain_point',
      subjectId: id,
      data: { wasLocked: row.locked },
    });
    await recordPainPointEvent(trx, 'pain_point.updated', id, actor.partnerId);
  });
  return getPainPoint(db, actor, id);
}
