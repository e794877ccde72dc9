// Where the language switcher sends a reader: the same page in the other language, except from a page
// of a generated reference (elements/, http/, api/ below their entry page), which exists in English
// only: then the reference's entry page in that language, which says so and links back.

/** A page of a generated reference other than its entry page: `elements/wsc-event-card.md`. */
const REFERENCE_BODY = /^(elements|http|api)\/(?!index\.md$).+/;

/**
 * The switcher's link to a language from the page at `path` (relative to the current language's folder).
 * @param link the language's root (`/`, `/ar/`)
 * @param addPath false when the theme turns i18n routing off: the language's home
 * @param addExtension true without clean URLs (`.html`)
 * @example
 * translatedLink('/ar/', 'webhooks.md', true, false); // '/ar/webhooks'
 * translatedLink('/ar/', 'elements/wsc-event-card.md', true, false); // '/ar/elements/'
 * translatedLink('/', 'elements/index.md', true, false); // '/elements/'
 */
export function translatedLink(link: string, path: string, addPath: boolean, addExtension: boolean): string {
  if (!addPath) return link;
  const root = link.replace(/\/$/, '');
  const reference = REFERENCE_BODY.exec(path)?.[1];
  if (reference && link !== '/') return `${root}/${reference}/`;
  const page = path.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, addExtension ? '.html' : '');
  return `${root}${page.startsWith('/') ? page : `/${page}`}`;
}
