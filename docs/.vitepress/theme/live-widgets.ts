// The live widgets of the embedding guide: the page loads the community's embed script from the API
// its server names in <meta name="wsc-api-url"> (serve.mjs fills it from WSC_API_URL at request
// time, so one build serves any API), exactly as a partner page would with a script tag. The widgets
// speak the page's language: VitePress sets <html lang dir> from the page's locale (`ar` right to left),
// which the elements follow; the note above them is in that language too (liveNote).

export const DEFAULT_API_URL = 'http://localhost:8787';

export interface EmbedSettings {
  apiUrl: string;
  publishableKey: string;
}

/** A meta tag's content, or '' when absent or still the unfilled placeholder of a plain static server. */
function meta(document: Document, name: string): string {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
  return content.startsWith('%') ? '' : content;
}

/** Where the widgets on this page talk to, as the serving environment said. */
export function embedSettings(document: Document): EmbedSettings {
  return {
    apiUrl: (meta(document, 'wsc-api-url') || DEFAULT_API_URL).replace(/\/+$/, ''),
    publishableKey: meta(document, 'wsc-publishable-key'),
  };
}

let loading: Promise<void> | undefined;

/**
 * Adds the embed script once per page life (the site navigates without reloading); resolves when it
 * ran, rejects when the API did not answer.
 */
export function loadEmbedScript(document: Document): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const { apiUrl, publishableKey } = embedSettings(document);
    const script = document.createElement('script');
    script.src = `${apiUrl}/embed/v1/wsc.js`;
    script.async = true;
    if (publishableKey) script.dataset.publishableKey = publishableKey;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      loading = undefined;
      script.remove();
      reject(new Error(`The community API at ${apiUrl} did not answer.`));
    });
    document.head.append(script);
  });
  return loading;
}

/** The words of the note above the live widgets, around the API's URL and the commands it names. */
export interface LiveNote {
  loading: string;
  /** Before the API's URL, then after it with a publishable key, then without one. */
  ready: [before: string, withKey: string, withoutKey: string];
  /** Before the API's URL, between it and `npm start`, and after. */
  offline: [before: string, middle: string, after: string];
}

const NOTES: Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', LiveNote> = {
  ar: {
    loading: 'جارٍ تحميل العناصر من واجهة برمجة المجتمع…',
    ready: [
      'العناصر في هذه الصفحة حية: تعمل مقابل ',
      ' بمفتاح النشر الخاص بهذا الموقع.',
      ' بلا مفتاح نشر (القراءة تعمل؛ التصويت والتسجيل يحتاجان إلى مفتاح).',
    ],
    offline: [
      'لم تُجب واجهة برمجة المجتمع على ',
      '، لذا تبقى العناصر أدناه فارغة. شغّلها بالأمر ',
      ' في المستودع، وهو يقدّم هذا الموقع أيضًا.',
    ],
  },
  zh: {
    loading: '正在从社区 API 加载小组件……',
    ready: [
      '本页的小组件是实时的：它们连接的是 ',
      '，并使用本站的可发布密钥。',
      '，未使用可发布密钥（可以读取；投票和报名需要密钥）。',
    ],
    offline: [
      '位于 ',
      ' 的社区 API 没有响应，因此下面的小组件是空的。请在仓库中用 ',
      ' 启动它，它也会提供本站。',
    ],
  },
  en: {
    loading: 'Loading the widgets from the community API…',
    ready: [
      'The widgets on this page are live: they run against ',
      " with this site's publishable key.",
      ' without a publishable key (reading works; voting and registering need one).',
    ],
    offline: [
      'The community API at ',
      ' did not answer, so the widgets below stay empty. Start it with ',
      ' in the repository, which serves this site too.',
    ],
  },
  fr: {
    loading: 'Chargement des widgets depuis l’API de la communauté…',
    ready: [
      'Les widgets de cette page sont en direct : ils interrogent ',
      ' avec la clé publiable de ce site.',
      ' sans clé publiable (la lecture fonctionne ; voter et s’inscrire en demandent une).',
    ],
    offline: [
      'L’API de la communauté à l’adresse ',
      ' n’a pas répondu : les widgets ci-dessous restent vides. Lancez-la avec ',
      ' dans le dépôt, qui sert aussi ce site.',
    ],
  },
  ru: {
    loading: 'Виджеты загружаются из API сообщества…',
    ready: [
      'Виджеты на этой странице работают вживую: они обращаются к ',
      ' с публикуемым ключом этого сайта.',
      ' без публикуемого ключа (чтение работает; для голосования и регистрации нужен ключ).',
    ],
    offline: [
      'API сообщества по адресу ',
      ' не ответил, поэтому виджеты ниже пусты. Запустите его командой ',
      ' в репозитории — она же обслуживает этот сайт.',
    ],
  },
  es: {
    loading: 'Cargando los widgets desde la API de la comunidad…',
    ready: [
      'Los widgets de esta página están en vivo: funcionan contra ',
      ' con la clave publicable de este sitio.',
      ' sin clave publicable (la lectura funciona; votar e inscribirse requieren una).',
    ],
    offline: [
      'La API de la comunidad en ',
      ' no respondió, así que los widgets de abajo quedan vacíos. Iníciela con ',
      ' en el repositorio, que también sirve este sitio.',
    ],
  },
};

/**
 * The note's words in a page's language (`zh-Hans` → Chinese), English when the site has no such language.
 * @example
 * liveNote('ar').loading; // 'جارٍ تحميل العناصر من واجهة برمجة المجتمع…'
 */
export function liveNote(lang: string): LiveNote {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return primary in NOTES ? NOTES[primary as keyof typeof NOTES] : NOTES.en;
}
