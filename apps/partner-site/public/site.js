// The page's language switcher. It sets <html lang> and dir: the widgets watch <html lang> and
// follow on their own, so nothing reloads. The choice lives in the address (?lang=ar) so that a
// link keeps it, including the links between the site's pages.
import { LANGUAGES, MESSAGES } from './messages.js';

/** @typedef {import('./messages.js').SiteLanguage} SiteLanguage */

/** @param {string | null | undefined} tag @returns {SiteLanguage | undefined} */
function siteLanguage(tag) {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language.code === primary)?.code;
}

/** @returns {SiteLanguage} */
function initialLanguage() {
  const asked = siteLanguage(new URLSearchParams(location.search).get('lang'));
  if (asked) return asked;
  for (const tag of navigator.languages) {
    const language = siteLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/** @param {SiteLanguage} code */
function applyLanguage(code) {
  const language = LANGUAGES.find((candidate) => candidate.code === code) ?? LANGUAGES[2];
  if (!language) return;
  const messages = MESSAGES[language.code];
  const root = document.documentElement;
  root.lang = language.code;
  root.dir = language.dir;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    const text = messages[element.getAttribute('data-i18n') ?? ''];
    if (text) element.textContent = text;
  }
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    const text = messages[element.getAttribute('data-i18n-label') ?? ''];
    if (text) element.setAttribute('aria-label', text);
  }
  for (const button of document.querySelectorAll('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === language.code));
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', language.code);
  history.replaceState(null, '', url);
  for (const link of document.querySelectorAll('a[data-keep-language]')) {
    const target = new URL(link.getAttribute('href') ?? '', location.href);
    target.searchParams.set('lang', language.code);
    link.setAttribute('href', `${target.pathname}${target.search}`);
  }
}

/** Fills the switcher: one button a language, labelled in its own language. */
function buildSwitcher() {
  const list = document.querySelector('[data-language-switcher]');
  if (!list) return;
  for (const language of LANGUAGES) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = language.code;
    button.dir = language.dir;
    button.dataset.language = language.code;
    button.textContent = language.name;
    button.addEventListener('click', () => applyLanguage(language.code));
    item.append(button);
    list.append(item);
  }
}

buildSwitcher();
applyLanguage(initialLanguage());
