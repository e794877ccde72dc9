import type { Language } from '../enums';
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import type { LocaleLabels } from './types';
import { zh } from './zh';

export type { LocaleLabels } from './types';
export { ar, en, es, fr, ru, zh };

/** Labels of every platform language, keyed by language. */
export const locales: Readonly<Record<Language, LocaleLabels>> = { ar, zh, en, fr, ru, es };

/**
 * Returns the labels of a language.
 *
 * @example
 * getLocale('fr').domains.water; // 'Eau'
 * getLocale('ar').painPointStatuses.open; // 'مفتوحة'
 */
export function getLocale(language: Language): LocaleLabels {
  return locales[language];
}
