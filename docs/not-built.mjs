// The page docs/serve.mjs answers (503) while the site is not built, in the reader's language:
// the language of the path asked for (/ar/…), else the first of Accept-Language the site has.

/** @typedef {'missing' | 'building'} BuildState */

const TEXTS = {
  en: {
    title: 'World Smart City Community documentation',
    missing:
      'The documentation site is not built on this copy: run `npm run docs` in the repository, then reload this page.',
    building:
      'The documentation site is being built (`npm run docs`, a minute or two on a first start). This page reloads by itself.',
  },
  ar: {
    title: 'وثائق مجتمع المدن الذكية العالمي',
    missing: 'موقع الوثائق غير مبني في هذه النسخة: شغّل `npm run docs` في المستودع، ثم أعد تحميل هذه الصفحة.',
    building:
      'يجري بناء موقع الوثائق (`npm run docs`، دقيقة أو دقيقتان عند أول تشغيل). ستُعاد تحميل هذه الصفحة تلقائيًا.',
  },
  zh: {
    title: '世界智慧城市社区文档',
    missing: '此副本尚未构建文档站点：请在仓库中运行 `npm run docs`，然后重新加载本页。',
    building: '文档站点正在构建（`npm run docs`，首次启动需要一两分钟）。本页会自动重新加载。',
  },
  fr: {
    title: 'Documentation de la World Smart City Community',
    missing:
      'Le site de documentation n’est pas construit dans cette copie : lancez `npm run docs` dans le dépôt, puis rechargez cette page.',
    building:
      'Le site de documentation est en cours de construction (`npm run docs`, une ou deux minutes au premier démarrage). Cette page se recharge d’elle-même.',
  },
  ru: {
    title: 'Документация World Smart City Community',
    missing:
      'Сайт документации в этой копии не собран: выполните `npm run docs` в репозитории и перезагрузите страницу.',
    building:
      'Сайт документации собирается (`npm run docs`, минута-две при первом запуске). Страница перезагрузится сама.',
  },
  es: {
    title: 'Documentación de la World Smart City Community',
    missing:
      'El sitio de documentación no está construido en esta copia: ejecute `npm run docs` en el repositorio y vuelva a cargar esta página.',
    building:
      'El sitio de documentación se está construyendo (`npm run docs`, uno o dos minutos en el primer arranque). Esta página se recarga sola.',
  },
};

/** @typedef {keyof typeof TEXTS} Language */

/** The languages the page is written in (the site's six). */
export const NOT_BUILT_LANGUAGES = /** @type {Language[]} */ (Object.keys(TEXTS));

/**
 * The language of the page: the path's first segment when it names one, else the first
 * Accept-Language entry the page has (by its primary subtag), else English.
 *
 * @param {string} pathname
 * @param {string | undefined} acceptLanguage
 * @returns {Language}
 */
export function notBuiltLanguage(pathname, acceptLanguage) {
  const segment = /^\/([a-z]{2})(?:\/|$)/.exec(pathname)?.[1];
  if (segment && segment in TEXTS) return /** @type {Language} */ (segment);
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0 && entry.primary in TEXTS)
    .sort((left, right) => right.q - left.q);
  return /** @type {Language} */ (wanted[0]?.primary ?? 'en');
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The whole page, reloading itself every ten seconds.
 *
 * @param {BuildState} state
 * @param {Language} language
 */
export function notBuiltPage(state, language) {
  const texts = TEXTS[language];
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const htmlLang = language === 'zh' ? 'zh-Hans' : language;
  // Commands stay left to right inside Arabic text.
  const message = escapeHtml(texts[state]).replace(/`([^`]+)`/g, '<code dir="ltr">$1</code>');
  return `<!doctype html><html lang="${htmlLang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>${escapeHtml(texts.title)}</title></head><body><main><h1>${escapeHtml(texts.title)}</h1><p>${message}</p></main></body></html>`;
}

/** The English message of a state (for logs and tests). */
export const NOT_BUILT = TEXTS.en.missing;
