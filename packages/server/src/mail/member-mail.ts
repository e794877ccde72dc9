import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { enqueueMail, type QueuedMail } from './enqueue';
import { isOptionalKind } from './member-mail-rules';
import type { MailTemplate } from './template-registry';
import { signUnsubscribeToken } from './unsubscribe-token';

/** The secret every optional mail carries: its one-click unsubscribe token. */
export interface UnsubscribeSecrets extends Record<string, string> {
  unsubscribeToken: string;
}

/**
 * Queues a mail of an optional kind (moderation, digest) for a member in the caller's
 * transaction, with its signed unsubscribe token (a secret of the queued mail, erased once
 * sent). Nothing is queued (null) when the member turned the kind off, was deleted, or came
 * through a partner that tells its members itself (`member-mail-rules.ts`).
 *
 * @example
 * await enqueueOptionalMail(trx, { template: commentHiddenTemplate, accountId, data });
 */
export async function enqueueOptionalMail<Data extends Record<string, unknown>>(
  trx: Kysely<DatabaseSchema>,
  mail: { template: MailTemplate<Data, UnsubscribeSecrets>; accountId: string; data: Data },
): Promise<QueuedMail | null> {
  const { kind } = mail.template;
  if (!isOptionalKind(kind)) throw new Error(`${mail.template.name} is ${kind} mail, which is always sent`);
  return enqueueMail(trx, {
    template: mail.template,
    to: { accountId: mail.accountId },
    data: mail.data,
    secrets: { unsubscribeToken: await signUnsubscribeToken(trx, { accountId: mail.accountId, kind }) },
  });
}
