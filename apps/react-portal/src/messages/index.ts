import type { Language } from '@wsc/models';
import { ar } from './ar';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

export type { Messages };

/** The portal's labels in the six UN languages; a small app, so all are bundled. */
export const MESSAGES: Record<Language, Messages> = { ar, zh, en, fr, ru, es };

/**
 * Fills `{name}` placeholders.
 *
 * @example
 * format('{count} votes', { count: '3' }); // '3 votes'
 */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/**
 * A vote count in the reader's language, with its plural form and digits.
 *
 * @example
 * votes('ar', MESSAGES.ar, 2); // 'صوتان'
 */
export function votes(language: Language, messages: Messages, count: number): string {
  const category = new Intl.PluralRules(language).select(count);
  const template = messages.votes[category] ?? messages.votes.other;
  return format(template, { count: new Intl.NumberFormat(language).format(count) });
}
