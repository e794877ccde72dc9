import { isLanguage, type Language, type LocalizedText, resolveText } from '@wsc/models';
import type { LocaleLabels } from '@wsc/models/locales';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommonMessages } from '../translations/en';

/** A message whose wording depends on a count: one form per `Intl.PluralRules` category. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | PluralMessage;

/** The messages of one language: exactly the keys of the English file (a missing key fails the typecheck). */
export type Translation<English> = {
  readonly [Key in keyof English]: English[Key] extends string ? string : PluralMessage;
};

/** One translation module per language; each is a separate chunk, loaded only when that language is shown. */
export type TranslationLoaders<Messages> = Readonly<
  Record<Language, () => Promise<{ messages: Translation<Messages> }>>
>;

/** What the common module of a language holds: shared messages and the labels of enumerations. */
export interface CommonTranslation {
  messages: Translation<CommonMessages>;
  labels: LocaleLabels;
}

const commonLoaders: Readonly<Record<Language, () => Promise<CommonTranslation>>> = {
  ar: () => import('../translations/ar'),
  zh: () => import('../translations/zh'),
  en: () => import('../translations/en'),
  fr: () => import('../translations/fr'),
  ru: () => import('../translations/ru'),
  es: () => import('../translations/es'),
};

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

/**
 * The platform language of a BCP 47 tag (`fr-CH` → `fr`, `zh-Hant-TW` → `zh`), or `undefined`.
 *
 * @example
 * platformLanguage('ar-EG'); // 'ar'
 * platformLanguage('de'); // undefined
 */
export function platformLanguage(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && isLanguage(primary) ? primary : undefined;
}

/**
 * Chooses the language of a widget: its own `lang` (or the nearest ancestor's below `<html>`),
 * then the configured language, then the page's `<html lang>`, then the browser's languages,
 * then English.
 */
export function chooseLanguage(element: Element, configured: string | undefined): Language {
  const root = element.ownerDocument.documentElement;
  const nearest = element.closest('[lang]');
  const candidates = [
    // Its own `lang` property first: set from script (`card.lang = 'ar'`, a React prop), it reaches
    // the attribute only when the render that reads it reflects it.
    (element as HTMLElement).lang,
    nearest && nearest !== root ? nearest.getAttribute('lang') : undefined,
    configured,
    root.getAttribute('lang'),
    ...(typeof navigator === 'undefined' ? [] : navigator.languages),
  ];
  for (const candidate of candidates) {
    const language = platformLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}

const loaded = new Map<string, Promise<unknown>>();
function loadOnce<Value>(key: string, load: () => Promise<Value>): Promise<Value> {
  let promise = loaded.get(key) as Promise<Value> | undefined;
  if (!promise) {
    promise = load();
    loaded.set(key, promise);
    // A failed chunk download may succeed later (the reader's network came back).
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}

// One observer of <html lang> for the whole page: a language switcher that sets it re-renders every widget.
const languageListeners = new Set<() => void>();
let rootObserver: MutationObserver | undefined;
function watchPageLanguage(listener: () => void): () => void {
  languageListeners.add(listener);
  if (!rootObserver && typeof MutationObserver !== 'undefined') {
    rootObserver = new MutationObserver(() => {
      for (const notify of languageListeners) notify();
    });
    rootObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
  }
  return () => languageListeners.delete(listener);
}

/** Where a translator reads the configured language from (the widget's merged configuration). */
export interface TranslatorHost extends ReactiveControllerHost, HTMLElement {
  configuredLanguage(): string | undefined;
}

/**
 * The language of one widget: picks it, loads the common and the widget's own messages for it
 * (each language a chunk of its own), and formats text, numbers, dates and plurals through `Intl`.
 * The host renders its content once `ready` is true.
 *
 * @example
 * private readonly i18n = new Translator(this, {
 *   ar: () => import('./translations/ar'), zh: () => import('./translations/zh'), en: () => import('./translations/en'),
 *   fr: () => import('./translations/fr'), ru: () => import('./translations/ru'), es: () => import('./translations/es'),
 * });
 * render() { return this.i18n.ready ? html`<h2>${this.i18n.t('title')}</h2>` : nothing; }
 */
export class Translator<Messages extends object> implements ReactiveController {
  /** The language shown; English until the first choice is made. */
  lang: Language = 'en';
  /** True once the messages of `lang` are loaded. */
  ready = false;
  /** Set when the messages could not be loaded (offline): the host can say so in English. */
  failed = false;

  #messages: Record<string, Message> = {};
  #labels: LocaleLabels | undefined;
  #plural: Intl.PluralRules | undefined;
  #number: Intl.NumberFormat | undefined;
  #regions: Intl.DisplayNames | undefined;
  #stopWatching: (() => void) | undefined;
  #loading: Language | undefined;

  constructor(
    private readonly host: TranslatorHost,
    private readonly loaders: TranslationLoaders<Messages>,
    private readonly tag: string = host.localName,
  ) {
    host.addController(this);
  }

  get dir(): 'ltr' | 'rtl' {
    return RIGHT_TO_LEFT.has(this.lang) ? 'rtl' : 'ltr';
  }

  hostConnected(): void {
    this.#stopWatching = watchPageLanguage(() => this.#choose());
    this.#choose();
  }

  hostDisconnected(): void {
    this.#stopWatching?.();
  }

  hostUpdate(): void {
    // The host's own `lang` or its configuration may have changed since the last render.
    this.#choose();
  }

  #choose(): void {
    const language = chooseLanguage(this.host, this.host.configuredLanguage());
    if (language === this.#loading || (this.ready && language === this.lang && !this.#loading)) return;
    this.#loading = language;
    Promise.all([
      loadOnce(`common:${language}`, commonLoaders[language]),
      loadOnce(`${this.tag}:${language}`, this.loaders[language]),
    ]).then(
      ([common, own]) => {
        if (this.#loading !== language) return;
        this.#loading = undefined;
        this.#messages = { ...common.messages, ...(own.messages as Record<string, Message>) };
        this.#labels = common.labels;
        this.#plural = new Intl.PluralRules(language);
        this.#number = new Intl.NumberFormat(language);
        this.#regions = new Intl.DisplayNames(language, { type: 'region' });
        this.lang = language;
        this.ready = true;
        this.failed = false;
        this.host.requestUpdate();
      },
      () => {
        if (this.#loading !== language) return;
        this.#loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The message `key` with `{name}` placeholders filled; a `count` value picks the plural form
   * and numbers are written the reader's way.
   */
  t(
    key: (keyof Messages | keyof CommonMessages) & string,
    values: Record<string, string | number> = {},
  ): string {
    const message = this.#messages[key];
    if (message === undefined) return key;
    const template =
      typeof message === 'string'
        ? message
        : (message[this.#plural?.select(Number(values.count ?? 0)) ?? 'other'] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** The label of an enumeration value (a domain, a status…); a value newer than this version shows as sent. */
  label<Kind extends Exclude<keyof LocaleLabels, 'language' | 'languageName'>>(
    kind: Kind,
    value: string,
  ): string {
    const labels = this.#labels?.[kind] as Record<string, string> | undefined;
    return labels?.[value] ?? value;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    if (!options && this.#number) return this.#number.format(value);
    return new Intl.NumberFormat(this.lang, options).format(value);
  }

  /** A date and time in the reader's language; `timeZone` absent: the reader's own. */
  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.lang, options).format(
      typeof value === 'string' ? new Date(value) : value,
    );
  }

  /**
   * The parts of a place (venue, city, country name) joined the reader's way: `Amman, Jordan`,
   * `عمّان، الأردن`, `新加坡，新加坡`; empty parts are left out.
   */
  place(...parts: (string | null | undefined)[]): string {
    return parts.filter((part) => part && part.trim() !== '').join(this.t('placeSeparator'));
  }

  /** A country's name from its ISO 3166 code, in the reader's language. */
  region(code: string): string {
    try {
      // One DisplayNames per language: a map or a directory names dozens of countries a render.
      return (
        (this.#regions ?? new Intl.DisplayNames(this.lang, { type: 'region' })).of(code.toUpperCase()) ?? code
      );
    } catch {
      return code;
    }
  }

  /**
   * The best version of community text for this reader: their language, else the platform's
   * fallback order (English, French, Spanish, Russian, Chinese, Arabic: `resolveText` of
   * @wsc/models, as the server uses). `lang` says which one was picked, for the `lang` attribute.
   */
  text(value: LocalizedText | undefined): { text: string; lang: Language } {
    if (!value) return { text: '', lang: this.lang };
    const { text, language } = resolveText(value, this.lang);
    return { text, lang: language };
  }
}
