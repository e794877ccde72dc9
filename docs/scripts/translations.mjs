// The site's languages as the files on disk say: English at the root, and each other language whose
// folder (`ar/`, `zh/`, `fr/`, `ru/`, `es/`) holds its guides. A language's folder must hold a
// translation of every English guide, so that a new English guide cannot be published in English only:
// the build fails on the first one missing. Each language also gets entry pages for the references
// (elements/, http/, api/), generated here: the reference bodies come from the code in English and are
// linked, not copied.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCALES, REFERENCES } from '../.vitepress/locales.mjs';
import { escapeText } from './markdown.mjs';

/** Markdown files at the root of docs/ that are not pages of the site. */
const NOT_GUIDES = new Set(['README.md']);

/**
 * The English guides: every Markdown page at the root of docs/ (`index.md` and `performance.md` included).
 * @param {string} root docs/
 * @returns {string[]} file names, sorted
 */
export function englishGuides(root) {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !NOT_GUIDES.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The languages other than English whose folder holds at least one guide: a language without a folder
 * is not on the site yet (its translators have not started), one with a folder must be complete.
 * @param {string} root
 */
export function translatedLocales(root) {
  const guides = new Set(englishGuides(root));
  return LOCALES.filter((locale) => {
    if (locale.code === 'en') return false;
    const folder = join(root, locale.code);
    return existsSync(folder) && readdirSync(folder).some((file) => guides.has(file));
  });
}

/**
 * The site's languages, English first: what the configuration lists and the switcher links.
 * @param {string} root
 */
export function siteLocales(root) {
  return [LOCALES[0], ...translatedLocales(root)].filter((locale) => locale !== undefined);
}

/**
 * The guides a language's folder lacks, as `fr/webhooks.md` (relative to docs/): the build fails on any.
 * @param {string} root
 * @returns {string[]}
 * @example
 * missingTranslations('docs'); // [] when every language that has a folder has every guide
 */
export function missingTranslations(root) {
  const guides = englishGuides(root);
  return translatedLocales(root).flatMap((locale) =>
    guides
      .filter((guide) => !existsSync(join(root, locale.code, guide)))
      .map((guide) => `${locale.code}/${guide}`),
  );
}

/**
 * The Markdown pages of a generated reference folder with their first heading, entry page first.
 * @param {string} root
 * @param {string} folder `elements`, `http` or `api`
 * @returns {{ title: string, link: string }[]}
 */
export function referencePages(root, folder) {
  const directory = join(root, folder);
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort((left, right) => (left === 'index.md' ? -1 : right === 'index.md' ? 1 : left.localeCompare(right)))
    .map((file) => ({
      title: (/^#\s+(.+)$/m.exec(readFileSync(join(directory, file), 'utf8'))?.[1] ?? file).trim(),
      link: `/${relative(root, join(directory, file))
        .replace(/\\/g, '/')
        .replace(/(index)?\.md$/, '')}`,
    }));
}

/**
 * A language's entry page of one reference: its heading and intro in that language, the note that
 * identifiers and descriptions come from the code, and the list of the English reference's pages.
 * @param {import('../.vitepress/locales.mjs').LocaleWords} locale
 * @param {import('../.vitepress/locales.mjs').ReferenceName} reference
 * @param {{ title: string, link: string }[]} pages
 */
export function referenceEntryPage(locale, reference, pages) {
  const words = locale.reference[reference];
  // Titles are code (`<wsc-event-card>`, `@wsc/sdk/node (API)`) or English headings: shown as written,
  // marked English so that a screen reader reads them as such.
  const items = pages.map(
    (page) =>
      `- <a href="${page.link}" lang="en" dir="ltr">${escapeText(page.title.replace(/[`\\]/g, ''))}</a>`,
  );
  return [
    '---',
    'editLink: false',
    '---',
    '',
    `# ${words.title}`,
    '',
    words.intro,
    '',
    `::: info ${locale.sourceTitle}`,
    locale.sourceNote,
    ':::',
    '',
    `## ${words.listHeading}${locale.englishNote}`,
    '',
    ...items,
    '',
  ].join('\n');
}

/**
 * Every language's reference entry pages, as `ar/elements/index.md` → Markdown.
 * @param {string} root
 * @returns {Map<string, string>}
 */
export function localeReferencePages(root) {
  /** @type {Map<string, string>} */
  const pages = new Map();
  for (const reference of REFERENCES) {
    const english = referencePages(root, reference);
    for (const locale of translatedLocales(root))
      pages.set(`${locale.code}/${reference}/index.md`, referenceEntryPage(locale, reference, english));
  }
  return pages;
}
