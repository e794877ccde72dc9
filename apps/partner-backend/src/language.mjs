// Which language a page is written in, and the helpers that write it: messages, numbers and dates
// through Intl. The choice, first that applies: `?lang=` (the switcher's links; remembered in a
// cookie), the `lang` of the site's page the reader came from (`?return=…?lang=fr`), the cookie,
// the browser's Accept-Language, English.
import { isLanguage, LANGUAGES, parseAcceptLanguage, textDirection } from '@wsc/models';
import { escapeHtml } from './escape-html.mjs';
import { LANGUAGE_NAMES, MESSAGES } from './messages.mjs';

/** @typedef {import('@wsc/models').Language} Language */
/** @typedef {import('./messages.mjs').MessageKey} MessageKey */

export const LANGUAGE_COOKIE = 'partner_lang';
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** @param {string | null | undefined} tag `fr`, `fr-CH`, `zh_Hans`… @returns {Language | undefined} */
function languageOf(tag) {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : undefined;
}

/** @param {string | null | undefined} returnTo @returns {Language | undefined} */
function languageOfReturn(returnTo) {
  if (!returnTo) return undefined;
  try {
    return languageOf(new URL(returnTo, 'http://return').searchParams.get('lang'));
  } catch {
    return undefined;
  }
}

/**
 * @param {{ asked?: string | null, returnTo?: string | null, cookie?: string, acceptLanguage?: string }} sources
 * @returns {{ language: Language, remember: boolean }} `remember`: the reader chose it, keep it in the cookie.
 * @example
 * chooseLanguage({ acceptLanguage: 'ar-EG,ar;q=0.9' }); // { language: 'ar', remember: false }
 * chooseLanguage({ asked: 'zh', acceptLanguage: 'ar' }); // { language: 'zh', remember: true }
 */
export function chooseLanguage({ asked, returnTo, cookie, acceptLanguage }) {
  const chosen = languageOf(asked);
  if (chosen) return { language: chosen, remember: true };
  const language =
    languageOfReturn(returnTo) ?? languageOf(cookie) ?? parseAcceptLanguage(acceptLanguage)[0] ?? 'en';
  return { language, remember: false };
}

/** @param {Language} language @param {boolean} secure */
export function languageCookie(language, secure) {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax; Max-Age=${LANGUAGE_COOKIE_SECONDS}${secure ? '; Secure' : ''}`;
}

/** @param {string} template @param {Record<string, string | number>} values */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * Everything a page needs to speak one language.
 *
 * @param {Language} language
 * @example
 * const { text, html, number } = translator('fr');
 * text('signIn.username'); // 'Nom d’utilisateur'
 * html('export.signInFirst', { signIn: '<a href="/sign-in">…</a>' }); // message escaped, values as given
 * number(1234); // '1 234'
 */
export function translator(language) {
  const messages = MESSAGES[language];
  /** @param {MessageKey} key */
  const message = (key) => messages[key] || MESSAGES.en[key];
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const lists = new Intl.ListFormat(language, { type: 'unit' });
  return {
    language,
    dir: textDirection(language),
    /** Plain text, values inserted as they are (escape the result when it goes into HTML). */
    text: (/** @type {MessageKey} */ key, /** @type {Record<string, string | number>} */ values = {}) =>
      fill(message(key), values),
    /** HTML: the message escaped, the values inserted as the HTML they already are. */
    html: (/** @type {MessageKey} */ key, /** @type {Record<string, string | number>} */ values = {}) =>
      fill(escapeHtml(message(key)), values),
    number: (/** @type {number} */ value) => numbers.format(value),
    dateTime: (/** @type {string} */ iso) => dates.format(new Date(iso)),
    list: (/** @type {string[]} */ values) => lists.format(values),
  };
}

/** @typedef {ReturnType<typeof translator>} Translator */

/**
 * The switcher's entries: one link a language, named in that language, keeping the rest of the
 * address (the `return` of the sign-in form).
 *
 * @param {URL} address the page's address
 * @param {Language} current
 */
export function languageLinks(address, current) {
  return LANGUAGES.map((code) => {
    const target = new URLSearchParams(address.search);
    target.set('lang', code);
    return {
      code,
      name: LANGUAGE_NAMES[code],
      dir: textDirection(code),
      href: `${address.pathname}?${target}`,
      current: code === current,
    };
  });
}
