// The default theme's language switcher links (its composables/langs, replaced through an alias in
// config.mts), with one difference: the generated reference pages (elements/, http/, api/ below their
// entry page) exist in English only, so from one of them the other languages' links lead to that
// reference's entry page in the language, which says so and links back. Every other page links its
// translation at the same path, as VitePress does.
import { computed } from 'vue';
import { useData } from 'vitepress';

/** A page of a generated reference other than its entry page: `elements/wsc-event-card.md`. */
const REFERENCE_BODY = /^(elements|http|api)\/(?!index\.md$).+/;

/**
 * Where a language's link goes from the page at `path` (relative to the current language's folder).
 * @example
 * translatedLink('/ar/', 'webhooks.md', true, false); // '/ar/webhooks'
 * translatedLink('/ar/', 'elements/wsc-event-card.md', true, false); // '/ar/elements/'
 */
export function translatedLink(link: string, path: string, addPath: boolean, addExtension: boolean): string {
  if (!addPath) return link;
  const reference = REFERENCE_BODY.exec(path)?.[1];
  if (reference && link !== '/') return `${link.replace(/\/$/, '')}/${reference}/`;
  const page = path.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, addExtension ? '.html' : '');
  return `${link.replace(/\/$/, '')}${page.startsWith('/') ? page : `/${page}`}`;
}

export function useLangs({ correspondingLink = false } = {}) {
  const { site, localeIndex, page, theme, hash } = useData();
  const currentLang = computed(() => ({
    label: site.value.locales[localeIndex.value]?.label,
    link:
      site.value.locales[localeIndex.value]?.link ||
      (localeIndex.value === 'root' ? '/' : `/${localeIndex.value}/`),
  }));
  const localeLinks = computed(() =>
    Object.entries(site.value.locales).flatMap(([key, value]) =>
      currentLang.value.label === value.label
        ? []
        : {
            text: value.label,
            link:
              translatedLink(
                value.link || (key === 'root' ? '/' : `/${key}/`),
                page.value.relativePath.slice(currentLang.value.link.length - 1),
                theme.value.i18nRouting !== false && correspondingLink,
                !site.value.cleanUrls,
              ) + hash.value,
          },
    ),
  );
  return { localeLinks, currentLang };
}
