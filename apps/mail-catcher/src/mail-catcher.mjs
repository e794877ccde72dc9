import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { pageLanguage, words } from './messages.mjs';
import { listPage, messagePage } from './pages.mjs';

const KEEP = 500;

/** The catcher's own pages: no script, no network, the mail's HTML only in a sandboxed frame. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A mail's HTML: sandboxed (no script, its own origin), nothing fetched (no tracking pixel either). */
const MAIL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

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
    const url = new URL(request.url ?? '/', 'http://catcher');
    const path = url.pathname;
    const { language, chosen } = pageLanguage(url, request.headers['accept-language']);
    const t = words(language);
    const context = { language, chosen, path };
    // The catcher's own words are in the reader's language: caches must tell readers apart.
    const spoken = { 'content-language': language, vary: 'Accept-Language' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', t('methodNotAllowed'), spoken);
    }
    if (path === '/') {
      return send(response, 200, 'text/html; charset=utf-8', listPage(context, messages), {
        ...spoken,
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
    if (!message) return send(response, 404, 'text/plain; charset=utf-8', t('noSuchMail'), spoken);
    if (!match[2]) {
      return send(response, 200, 'text/html; charset=utf-8', messagePage(context, message), {
        ...spoken,
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
    if (!attachment) return send(response, 404, 'text/plain; charset=utf-8', t('noSuchAttachment'), spoken);
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
