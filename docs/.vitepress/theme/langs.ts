// The default theme's language switcher links (its composables/langs, replaced through an alias in
// config.mts), with one difference (translatedLink): from a generated reference page, which exists in
// English only, the other languages' links lead to that reference's entry page in each language. Every
// other page links its translation at the same path, as VitePress does.
import { useData } from 'vitepress';
import { computed } from 'vue';
import { translatedLink } from './translated-link';

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
