import { LANGUAGES, type Language } from '@wsc/models';
import { type MailContent, type RenderedBody, renderLayout } from './layout';

/**
 * The kinds of mail, for preferences and unsubscribing: `account` mail (confirmation, password
 * reset, address change) is strictly transactional and always sent; the others are kinds a
 * member may turn off.
 */
export type MailKind = 'account' | 'registration' | 'event-change' | 'moderation' | 'digest';

/** What a template's languages and extras see when a mail is rendered (at sending time). */
export interface MailRenderContext {
  language: Language;
  /** `WSC_PUBLIC_URL` without a trailing slash: every link in a mail starts with it. */
  publicUrl: string;
  /** The queued mail's id (`mail_…`). */
  mailId: string;
}

/** A file attached to a mail (an event's `.ics`). */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

/**
 * One kind of mail in the six languages. `Data` is kept with the queued mail as the record of
 * what was sent; `Secrets` (links carrying tokens) are erased once it is sent. Both must be
 * JSON.
 */
export interface MailTemplate<
  Data extends Record<string, unknown> = Record<string, unknown>,
  Secrets extends Record<string, string> = Record<string, never>,
> {
  /** Stored with each queued mail; never rename one that may still be queued. */
  name: string;
  kind: MailKind;
  /**
   * True for mail the member asked for to prove an address (confirmation): it goes even to an
   * address marked undeliverable, since confirming it again is how the mark is lifted.
   */
  reachesUndeliverable?: boolean | undefined;
  /** The words of the mail in each of the six languages (the type makes every language required). */
  languages: Record<Language, (input: Data & Secrets, context: MailRenderContext) => MailContent>;
  /** Extra headers (List-Unsubscribe …), the same in every language. */
  headers?: ((input: Data & Secrets, context: MailRenderContext) => Record<string, string>) | undefined;
  attachments?: ((input: Data & Secrets, context: MailRenderContext) => MailAttachment[]) | undefined;
  /** Sample input: the template test renders every language from it. */
  example: { data: Data; secrets: Secrets };
}

/** A template rendered for one reader. */
export interface RenderedMail extends RenderedBody {
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

/**
 * A template's `languages` built by one function of the language (for templates that keep their
 * words in a table and render them the same way in each language).
 *
 * @example
 * languages: inEveryLanguage((language) => (input) => ({ subject: WORDS[language].subject, paragraphs: [] })),
 */
export function inEveryLanguage<T>(build: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, build(language)])) as Record<Language, T>;
}

/**
 * Declares a template (an identity function that checks its shape and infers its types).
 *
 * @example
 * export const welcomeTemplate = defineMailTemplate<{ displayName: string }>({
 *   name: 'welcome', kind: 'account',
 *   languages: { en: ({ displayName }) => ({ subject: 'Welcome', paragraphs: [`Hello ${displayName}`] }), … },
 *   example: { data: { displayName: 'Ada' }, secrets: {} },
 * });
 */
export function defineMailTemplate<
  Data extends Record<string, unknown>,
  Secrets extends Record<string, string> = Record<string, never>,
>(template: MailTemplate<Data, Secrets>): MailTemplate<Data, Secrets> {
  return template;
}

/** A template of any data, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds templates of every data shape.
export type AnyMailTemplate = MailTemplate<any, any>;

/**
 * The templates the mail worker can render, by name. Feature owners register theirs (at module
 * load, in `templates/index.ts`), like `features.ts` lists features.
 */
export class MailTemplateRegistry {
  readonly #templates = new Map<string, AnyMailTemplate>();

  /** Adds templates; a second template of one name is a programming error. */
  register(...templates: AnyMailTemplate[]): this {
    for (const template of templates) {
      const known = this.#templates.get(template.name);
      if (known && known !== template) throw new Error(`Two mail templates are named ${template.name}`);
      this.#templates.set(template.name, template);
    }
    return this;
  }

  get(name: string): AnyMailTemplate | undefined {
    return this.#templates.get(name);
  }

  /** Every template, in registration order. */
  list(): AnyMailTemplate[] {
    return [...this.#templates.values()];
  }
}

/**
 * Renders a template for one reader: subject, HTML (right to left in Arabic) and text in the
 * reader's language, plus its headers and attachments.
 *
 * @example
 * const mail = renderMail(emailConfirmationTemplate, 'zh', { ...data, ...secrets }, context);
 */
export function renderMail(
  template: AnyMailTemplate,
  language: Language,
  input: Record<string, unknown>,
  context: Omit<MailRenderContext, 'language'>,
): RenderedMail {
  const full: MailRenderContext = { ...context, language };
  const words = template.languages[language] ?? template.languages.en;
  return {
    ...renderLayout(language, words(input, full)),
    headers: template.headers?.(input, full) ?? {},
    attachments: template.attachments?.(input, full) ?? [],
  };
}
