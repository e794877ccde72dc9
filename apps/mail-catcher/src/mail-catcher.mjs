import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 500;

const escapeHtml = (text) =>
  String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The catcher's own pages: no script, no network, the mail's HTML only in a sandboxed frame. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A mail's HTML: sandboxed (no script, its own origin), nothing fetched (no tracking pixel either). */
const MAIL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function layout(title, body) {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;color:#1a1a1a;background:#fff}
header{padding:12px 24px;background:#0b5394;color:#fff}header a{color:#fff}
main{padding:16px 24px;max-width:1100px}
table{border-collapse:collapse;width:100%}th,td{padding:8px;border-bottom:1px solid #d0d0d0;text-align:start;vertical-align:top}
a{color:#0b5394}iframe{width:100%;height:70vh;border:1px solid #595959;background:#fff}
pre{white-space:pre-wrap;background:#f4f4f4;padding:12px;border:1px solid #d0d0d0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:bold}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
</style></head>
<body><header><a href="/">Mail catcher</a>: every mail the platform sent, kept in memory</header>
<main>${body}</main></body></html>`;
}

function listPage(messages) {
  const rows = messages
    .map(
      (message) => `<tr>
<td>${escapeHtml(message.receivedAt.toISOString().replace('T', ' ').slice(0, 19))}</td>
<td dir="auto">${escapeHtml(message.to)}</td>
<td dir="auto"><a href="/messages/${message.id}" lang="${escapeHtml(message.language ?? '')}">${escapeHtml(message.subject || '(no subject)')}</a></td>
<td>${escapeHtml(message.language ?? '')}</td></tr>`,
    )
    .join('\n');
  return layout(
    `Mail catcher (${messages.length})`,
    `<h1>Mails (${messages.length})</h1>
<p><a href="/">Refresh</a></p>
${
  messages.length === 0
    ? '<p>No mail yet. Sign up or ask for a password reset, then refresh this page.</p>'
    : `<table><caption>Newest first</caption><thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Language</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
  );
}

function messagePage(message) {
  const headers = [
    ['From', message.from],
    ['To', message.to],
    ['Date', message.date?.toISOString() ?? ''],
    ['Message-ID', message.messageId ?? ''],
    ['Language', message.language ?? ''],
  ]
    .map(([name, value]) => `<dt>${name}</dt><dd dir="auto">${escapeHtml(value)}</dd>`)
    .join('');
  const attachments = message.attachments
    .map(
      (attachment, index) =>
        `<li><a href="/messages/${message.id}/attachments/${index}">${escapeHtml(attachment.filename || `attachment ${index + 1}`)}</a> (${escapeHtml(attachment.contentType)})</li>`,
    )
    .join('');
  return layout(
    message.subject || '(no subject)',
    `<p><a href="/">All mails</a></p>
<h1 dir="auto" lang="${escapeHtml(message.language ?? '')}">${escapeHtml(message.subject || '(no subject)')}</h1>
<dl>${headers}</dl>
${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ''}
${message.html ? `<h2>HTML part</h2><iframe sandbox title="The mail as its reader sees it" src="/messages/${message.id}/html"></iframe>` : ''}
<h2>Text part</h2><pre dir="auto" lang="${escapeHtml(message.language ?? '')}">${escapeHtml(message.text ?? '')}</pre>
<p><a href="/messages/${message.id}/source">Source</a></p>`,
  );
}

/**
 * Starts the inbox: an SMTP server that accepts every mail (no TLS, no authentication: local
 * use only) and a web page listing and showing them. Port 0 picks free ports.
 *
 * @example
 * const catcher = await startMailCatcher({ host: '127.0.0.1', webPort: 0, smtpPort: 0 });
 * // give catcher.smtpUrl to the API as WSC_SMTP_URL, open catcher.webUrl
 */
export async function startMailCatcher({ host = '127.0.0.1', webPort = 1080, smtpPort = 1025 } = {}) {
  /** Newest first. */
  const messages = [];
  let counter = 0;

  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const source = Buffer.concat(chunks);
        simpleParser(source).then(
          (parsed) => {
            counter += 1;
            messages.unshift({
              id: String(counter),
              receivedAt: new Date(),
              from: parsed.from?.text ?? session.envelope.mailFrom?.address ?? '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address).join(', '),
              subject: parsed.subject ?? '',
              date: parsed.date ?? null,
              messageId: parsed.messageId ?? null,
              language: parsed.headers.get('content-language') ?? null,
              html: typeof parsed.html === 'string' ? parsed.html : null,
              text: parsed.text ?? '',
              attachments: parsed.attachments.map((attachment) => ({
                filename: attachment.filename ?? '',
                contentType: attachment.contentType,
                content: attachment.content,
              })),
              source,
            });
            messages.length = Math.min(messages.length, KEEP);
            callback();
          },
          (error) => callback(error),
        );
      });
    },
  });

  // A sender that dies mid-session resets its socket; the inbox goes on (an unhandled 'error'
  // event would end the process).
  smtp.on('error', () => {});

  const send = (response, status, type, body, extra = {}) => {
    response.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    });
    response.end(body);
  };

  const web = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://catcher').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    if (path === '/') {
      return send(response, 200, 'text/html; charset=utf-8', listPage(messages), {
        'content-security-policy': PAGE_POLICY,
      });
    }
    if (path === '/api/messages') {
      const list = messages.map(({ source, attachments, ...rest }) => ({
        ...rest,
        attachments: attachments.map(({ content, ...attachment }) => attachment),
      }));
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(list));
    }
    const match = /^\/messages\/(\d+)(?:\/(html|source|attachments\/(\d+)))?$/.exec(path);
    const message = match && messages.find((candidate) => candidate.id === match[1]);
    if (!message) return send(response, 404, 'text/plain; charset=utf-8', 'No such mail');
    if (!match[2]) {
      return send(response, 200, 'text/html; charset=utf-8', messagePage(message), {
        'content-security-policy': PAGE_POLICY,
      });
    }
    if (match[2] === 'html') {
      return send(response, 200, 'text/html; charset=utf-8', message.html ?? '', {
        'content-security-policy': MAIL_POLICY,
      });
    }
    if (match[2] === 'source') return send(response, 200, 'text/plain; charset=utf-8', message.source);
    const attachment = message.attachments[Number(match[3])];
    if (!attachment) return send(response, 404, 'text/plain; charset=utf-8', 'No such attachment');
    const filename = (attachment.filename || 'attachment').replace(/[^\w.-]/g, '_');
    return send(response, 200, attachment.contentType, attachment.content, {
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });

  await new Promise((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, host, resolve);
  });
  await new Promise((resolve, reject) => {
    web.once('error', reject);
    web.listen(webPort, host, resolve);
  });
  const smtpAddress = smtp.server.address();
  const webAddress = web.address();
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    messages,
    smtpPort: smtpAddress.port,
    webPort: webAddress.port,
    smtpUrl: `smtp://${urlHost}:${smtpAddress.port}`,
    webUrl: `http://${urlHost}:${webAddress.port}`,
    close: () =>
      Promise.all([
        new Promise((resolve) => smtp.close(resolve)),
        new Promise((resolve) => {
          web.closeAllConnections?.();
          web.close(resolve);
        }),
      ]),
  };
}
