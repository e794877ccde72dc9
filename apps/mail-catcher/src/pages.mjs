// The mail catcher's own pages, in the reader's language (right to left in Arabic): the list of
// mails and one mail. No script, nothing from the network; a mail's HTML only in a sandboxed frame.
import { LANGUAGES, textDirection } from '@wsc/models';
import { words } from './messages.mjs';

export const escapeHtml = (text) =>
  String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/**
 * What a page needs to speak: its language, whether the reader chose it (links then carry it
 * on), the words, and the path it shows (for the language switch).
 *
 * @typedef {{ language: string, chosen: boolean, path: string }} PageContext
 */

/** A link within the catcher, keeping the language the reader chose. */
function href(context, path) {
  return context.chosen ? `${path}?lang=${context.language}` : path;
}

/** Each language named in itself, the page's own marked current. */
function languageSwitch(context, t) {
  const links = LANGUAGES.map((language) => {
    const name = new Intl.DisplayNames(language, { type: 'language' }).of(language) ?? language;
    const current = language === context.language ? ' aria-current="page"' : '';
    return `<li><a href="${context.path}?lang=${language}" lang="${language}" hreflang="${language}" dir="${textDirection(language)}"${current}>${escapeHtml(name)}</a></li>`;
  }).join('');
  return `<nav aria-label="${escapeHtml(t('languages'))}"><ul>${links}</ul></nav>`;
}

function layout(context, title, body) {
  const t = words(context.language);
  return `<!doctype html>
<html lang="${context.language}" dir="${textDirection(context.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,">
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;color:#1a1a1a;background:#fff;line-height:1.5}
header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 24px;padding:12px 24px;background:#0b5394;color:#fff}
header a{color:#fff}header p{margin:0}
nav ul{display:flex;flex-wrap:wrap;gap:4px 12px;margin:0;padding:0;list-style:none}
nav a{display:inline-block;min-height:24px;padding:2px 4px}nav a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:2px solid #fff}
main{padding:16px 24px;max-width:1100px}
table{border-collapse:collapse;width:100%}th,td{padding:8px;border-bottom:1px solid #d0d0d0;text-align:start;vertical-align:top}
caption{text-align:start;font-weight:bold;padding-block:8px}
a{color:#0b5394}iframe{width:100%;height:70vh;border:1px solid #595959;background:#fff}
pre{white-space:pre-wrap;background:#f4f4f4;padding:12px;border:1px solid #d0d0d0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
</style></head>
<body><header><p><a href="${href(context, '/')}">${escapeHtml(t('name'))}</a>: ${escapeHtml(t('tagline'))}</p>
${languageSwitch(context, t)}</header>
<main>${body}</main></body></html>`;
}

/** The mail's language named in the reader's (`Arabic (ar)`), or nothing when the mail says none. */
function languageName(context, code) {
  if (!code) return '';
  try {
    const name = new Intl.DisplayNames(context.language, { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/**
 * The list of mails, newest first.
 *
 * @param {PageContext} context
 */
export function listPage(context, messages) {
  const t = words(context.language);
  const count = new Intl.NumberFormat(context.language).format(messages.length);
  const received = new Intl.DateTimeFormat(context.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  const rows = messages
    .map(
      (message) => `<tr>
<td>${escapeHtml(received.format(message.receivedAt))}</td>
<td><bdi>${escapeHtml(message.to)}</bdi></td>
<td><a href="${href(context, `/messages/${message.id}`)}" dir="auto"${message.subject && message.language ? ` lang="${escapeHtml(message.language)}"` : ''}>${escapeHtml(message.subject || t('noSubject'))}</a></td>
<td>${escapeHtml(languageName(context, message.language))}</td></tr>`,
    )
    .join('\n');
  return layout(
    context,
    `${t('name')} (${count})`,
    `<h1>${escapeHtml(t('mails', { count }))}</h1>
<p><a href="${href(context, '/')}">${escapeHtml(t('refresh'))}</a></p>
${
  messages.length === 0
    ? `<p>${escapeHtml(t('empty'))}</p>`
    : `<table><caption>${escapeHtml(t('newestFirst'))}</caption><thead><tr><th scope="col">${escapeHtml(t('received'))}</th><th scope="col">${escapeHtml(t('to'))}</th><th scope="col">${escapeHtml(t('subject'))}</th><th scope="col">${escapeHtml(t('language'))}</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
  );
}

/**
 * One mail: its headers, attachments, HTML part (sandboxed), text part and a link to its source.
 *
 * @param {PageContext} context
 */
export function messagePage(context, message) {
  const t = words(context.language);
  const subject = message.subject || t('noSubject');
  const date = message.date
    ? new Intl.DateTimeFormat(context.language, {
        dateStyle: 'long',
        timeStyle: 'long',
        timeZone: 'UTC',
      }).format(message.date)
    : '';
  // Values in their own direction (addresses, ids), each line aligned as the page reads.
  const headers = [
    [t('from'), message.from],
    [t('to'), message.to],
    [t('date'), date],
    [t('messageId'), message.messageId ?? ''],
    [t('language'), languageName(context, message.language)],
  ]
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd><bdi>${escapeHtml(value)}</bdi></dd>`)
    .join('');
  const attachments = message.attachments
    .map(
      (attachment, index) =>
        `<li><a href="/messages/${message.id}/attachments/${index}" dir="auto">${escapeHtml(attachment.filename || t('attachment', { number: index + 1 }))}</a> (<bdi>${escapeHtml(attachment.contentType)}</bdi>)</li>`,
    )
    .join('');
  // The mail's own words in its own language; the page's words (no subject) in the page's.
  const language = escapeHtml(message.language ?? '');
  const subjectLanguage = message.subject && language ? ` lang="${language}"` : '';
  return layout(
    context,
    subject,
    `<p><a href="${href(context, '/')}">${escapeHtml(t('allMails'))}</a></p>
<h1 dir="auto"${subjectLanguage}>${escapeHtml(subject)}</h1>
<dl>${headers}</dl>
${attachments ? `<h2>${escapeHtml(t('attachments'))}</h2><ul>${attachments}</ul>` : ''}
${message.html ? `<h2>${escapeHtml(t('htmlPart'))}</h2><iframe sandbox title="${escapeHtml(t('htmlFrame'))}" src="/messages/${message.id}/html"></iframe>` : ''}
<h2>${escapeHtml(t('textPart'))}</h2><pre dir="auto"${language ? ` lang="${language}"` : ''}>${escapeHtml(message.text ?? '')}</pre>
<p><a href="/messages/${message.id}/source">${escapeHtml(t('source'))}</a></p>`,
  );
}
