import type { Language } from '@wsc/models';

const GREETINGS: Record<Language, (name: string) => string> = {
  en: (name) => `Hello ${name},`,
  fr: (name) => `Bonjour ${name},`,
  es: (name) => `Hola, ${name}:`,
  ru: (name) => `Здравствуйте, ${name}!`,
  zh: (name) => `${name}，您好：`,
  ar: (name) => `مرحبًا ${name}،`,
};

/**
 * The opening line of every mail to a member, in their language (one wording for all templates).
 *
 * @example
 * greeting('fr', 'Claire'); // 'Bonjour Claire,'
 */
export function greeting(language: Language, name: string): string {
  return GREETINGS[language](name);
}

/** What a template says in one language; {@link renderLayout} turns it into HTML and text. */
export interface MailContent {
  subject: string;
  /** The first line (`Hello Ada,`). */
  greeting?: string | undefined;
  paragraphs: readonly string[];
  /** The one button of the mail, also written out as a link in the text part. */
  action?: { label: string; url: string } | undefined;
  /** Paragraphs after the button (how long a link works, what to do if it was not you). */
  after?: readonly string[] | undefined;
  /** Small print at the bottom (why the member gets this mail). */
  footer?: readonly string[] | undefined;
}

/** A mail rendered: both parts, in the reader's language. */
export interface RenderedBody {
  subject: string;
  html: string;
  text: string;
}

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

/**
 * Escapes text for HTML element content and double-quoted attributes.
 *
 * @example
 * escapeHtml('<b>"Ada" & co</b>'); // '&lt;b&gt;&quot;Ada&quot; &amp; co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The one layout of every mail: an HTML part (`lang` and `dir` of the reader's language, so
 * Arabic reads right to left; inline styles only, since mail clients drop style sheets; the
 * button's colours pass WCAG AA contrast) and a plain-text part with the same words.
 *
 * @example
 * renderLayout('ar', { subject: 'أكّد عنوانك', paragraphs: ['…'], action: { label: 'تأكيد', url } });
 */
export function renderLayout(language: Language, content: MailContent): RenderedBody {
  const direction = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  const align = direction === 'rtl' ? 'right' : 'left';
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px;line-height:1.5;text-align:${align}">${escapeHtml(text)}</p>`;
  const blocks: string[] = [];
  if (content.greeting) blocks.push(paragraph(content.greeting));
  for (const text of content.paragraphs) blocks.push(paragraph(text));
  if (content.action) {
    const href = escapeHtml(content.action.url);
    blocks.push(
      `<p style="margin:24px 0;text-align:${align}"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="margin:0 0 16px;line-height:1.5;text-align:${align};word-break:break-all;font-size:13px;color:#3d3d3d"><a href="${href}" style="color:#0b5394">${href}</a></p>`,
    );
  }
  for (const text of content.after ?? []) blocks.push(paragraph(text));
  const footer = (content.footer ?? [])
    .map(
      (text) =>
        `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#3d3d3d;text-align:${align}">${escapeHtml(text)}</p>`,
    )
    .join('');
  const html = [
    '<!doctype html>',
    `<html lang="${language}" dir="${direction}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body dir="${direction}" style="margin:0;padding:24px;background:#f4f4f4;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;font-size:16px">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">`,
    `<p style="margin:0 0 24px;font-weight:bold;color:#0b5394;text-align:${align}">World Smart City Community</p>`,
    ...blocks,
    footer ? `<hr style="border:0;border-top:1px solid #d0d0d0;margin:24px 0">${footer}` : '',
    '</div></body></html>',
  ].join('\n');
  const textLines: string[] = [];
  if (content.greeting) textLines.push(content.greeting, '');
  for (const text of content.paragraphs) textLines.push(text, '');
  if (content.action) textLines.push(`${content.action.label}:`, content.action.url, '');
  for (const text of content.after ?? []) textLines.push(text, '');
  if (content.footer?.length) textLines.push('--', ...content.footer);
  return { subject: content.subject, html, text: `${textLines.join('\n').trimEnd()}\n` };
}
