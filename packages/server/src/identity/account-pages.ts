import { LANGUAGES, type Language, parseAcceptLanguage } from '@wsc/models';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { escapeHtml } from '../mail/layout';
import { ACCOUNT_PAGE_MESSAGES, type AccountPageMessages } from './account-page-messages';

/**
 * The script of both pages: reads the token from the fragment (never sent to a server), then
 * posts it when the member presses the button (a mail scanner that opens links presses nothing).
 */
const PAGE_SCRIPT = `(() => {
  const form = document.getElementById('account-form');
  const status = document.getElementById('status');
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const say = (text) => { status.textContent = text; };
  if (!token) { say(form.dataset.invalid); form.hidden = true; return; }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    say(form.dataset.working);
    const body = { token };
    const password = form.querySelector('input[name=password]');
    if (password) body.password = password.value;
    try {
      const answer = await fetch(form.dataset.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (answer.ok) {
        history.replaceState(null, '', location.pathname + location.search);
        form.hidden = true;
        say(form.dataset.done);
        return;
      }
      const problem = await answer.json().catch(() => ({}));
      const invalid = String(problem.type || '').endsWith('/mail-token-invalid');
      say(invalid ? form.dataset.invalid : (problem.detail || form.dataset.failed));
    } catch {
      say(form.dataset.failed);
    }
    button.disabled = false;
  });
})();
`;

/** Inline styles only; scripts only from this origin; nothing is framed, nothing leaks a Referer. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function pageLanguage(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: unknown }).lang;
  const known = LANGUAGES.find((language) => language === asked);
  if (known) return known;
  return parseAcceptLanguage(request.headers['accept-language'])[0] ?? 'en';
}

function page(
  language: Language,
  words: AccountPageMessages,
  form: { title: string; endpoint: string; button: string; done: string; password: boolean },
): string {
  const direction = language === 'ar' ? 'rtl' : 'ltr';
  const password = form.password
    ? `<label for="password" style="display:block;margin:16px 0 4px;font-weight:bold">${escapeHtml(words.resetLabel)}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200" aria-describedby="password-hint" style="width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #595959;border-radius:4px">
<p id="password-hint" style="margin:4px 0 0;color:#3d3d3d">${escapeHtml(words.resetHint)}</p>`
    : '';
  return `<!doctype html>
<html lang="${language}" dir="${direction}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(form.title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f4;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;font-size:16px">
<main style="max-width:480px;margin:0 auto;background:#fff;padding:24px;border-radius:6px">
<p style="margin:0 0 16px;font-weight:bold;color:#0b5394">World Smart City Community</p>
<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(form.title)}</h1>
<form id="account-form" data-endpoint="${form.endpoint}" data-done="${escapeHtml(form.done)}" data-invalid="${escapeHtml(words.invalidLink)}" data-failed="${escapeHtml(words.failed)}" data-working="${escapeHtml(words.working)}">
${password}
<button type="submit" style="margin-top:16px;padding:12px 20px;background:#0b5394;color:#fff;border:0;border-radius:4px;font-size:16px;font-weight:bold;cursor:pointer">${escapeHtml(form.button)}</button>
</form>
<p id="status" role="status" aria-live="polite" style="margin:16px 0 0;line-height:1.5"></p>
</main>
<script src="/account/account-page.js"></script>
</body></html>`;
}

/**
 * The pages the links of account mail open (on `WSC_PUBLIC_URL`): `GET /account/confirm-email`
 * and `GET /account/reset-password`, in the language of the link's `lang` (else
 * `Accept-Language`), right to left in Arabic. They call the API routes; they are not API
 * operations themselves (hidden from the OpenAPI document).
 *
 * @example
 * await app.register(accountPages);
 */
export const accountPages: FastifyPluginAsync = async (app) => {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_POLICY,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  app.get('/account/confirm-email', { schema: { hide: true } }, async (request, reply) => {
    const language = pageLanguage(request);
    const words = ACCOUNT_PAGE_MESSAGES[language];
    return reply.headers(headers).send(
      page(language, words, {
        title: words.confirmTitle,
        endpoint: '/v1/auth/email-confirmations/complete',
        button: words.confirmButton,
        done: words.confirmDone,
        password: false,
      }),
    );
  });
  app.get('/account/reset-password', { schema: { hide: true } }, async (request, reply) => {
    const language = pageLanguage(request);
    const words = ACCOUNT_PAGE_MESSAGES[language];
    return reply.headers(headers).send(
      page(language, words, {
        title: words.resetTitle,
        endpoint: '/v1/auth/password-resets/complete',
        button: words.resetButton,
        done: words.resetDone,
        password: true,
      }),
    );
  });
  app.get('/account/account-page.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PAGE_SCRIPT),
  );
};
