// The back end's own pages: plain HTML, no script, one style sheet, in the reader's language
// (src/language.mjs chooses it, src/messages.mjs holds the texts). Names and pain point titles
// keep their own language and direction (`lang`, `dir="auto"`).
import { escapeHtml } from './escape-html.mjs';
import { summarize } from './received-webhooks.mjs';

export { escapeHtml };

/**
 * What every page is written with.
 *
 * @typedef {object} PageContext
 * @property {string} partnerName
 * @property {import('./language.mjs').Translator} t
 * @property {ReturnType<typeof import('./language.mjs').languageLinks>} languages the switcher's links
 */

/** @param {PageContext} context */
function languageSwitcher({ t, languages }) {
  const items = languages
    .map(
      (language) =>
        `<li><a href="${escapeHtml(language.href)}" lang="${language.code}" hreflang="${language.code}" dir="${language.dir}"${language.current ? ' aria-current="true"' : ''}>${escapeHtml(language.name)}</a></li>`,
    )
    .join('');
  return `<nav class="languages" aria-label="${escapeHtml(t.text('language.label'))}"><ul>${items}</ul></nav>`;
}

/**
 * @param {PageContext & { title: string, body: string, user?: import('./users.mjs').PartnerUser | undefined }} page
 */
function layout({ title, body, user, ...context }) {
  const { t, partnerName } = context;
  const backendName = t.text('backend.name', { partner: partnerName });
  const account = user
    ? `<p class="account">${escapeHtml(t.text('account.signedInAs'))} <span lang="${escapeHtml(user.language)}" dir="auto">${escapeHtml(user.displayName)}</span> · <a href="/sign-out">${escapeHtml(t.text('account.signOut'))}</a></p>`
    : `<p class="account"><a href="/sign-in">${escapeHtml(t.text('account.signIn'))}</a></p>`;
  return `<!doctype html>
<html lang="${t.language}" dir="${t.dir}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)} — ${escapeHtml(backendName)}</title>
    <link rel="stylesheet" href="/backend.css">
  </head>
  <body>
    <header>
      <p class="brand"><a href="/">${escapeHtml(backendName)}</a></p>
      ${account}
      ${languageSwitcher(context)}
    </header>
    <main id="content">
${body}
    </main>
  </body>
</html>
`;
}

/** The page's language, carried by a form so that its answer (an error page) is in it too. @param {PageContext} context */
const languageField = ({ t }) => `<input type="hidden" name="lang" value="${t.language}">`;

/**
 * The sign-in form. An error is announced (role="alert"), named in the title, and tied to the
 * fields with aria-describedby, so a screen reader hears it on arrival and at each field.
 *
 * @param {PageContext & { returnTo: string, error?: boolean, username?: string }} options
 */
export function signInPage({ returnTo, error = false, username = '', ...context }) {
  const { t, partnerName } = context;
  const described = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const title = t.text('signIn.title');
  return layout({
    ...context,
    title: error ? t.text('error.titlePrefix', { title }) : title,
    body: `      <h1>${escapeHtml(t.text('signIn.heading', { partner: partnerName }))}</h1>
      <p>${escapeHtml(t.text('signIn.intro'))}</p>
      ${error ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(t.text('signIn.wrong'))}</p>` : ''}
      <form method="post" action="/sign-in" class="sign-in">
        <input type="hidden" name="return" value="${escapeHtml(returnTo)}">
        ${languageField(context)}
        <p>
          <label for="username">${escapeHtml(t.text('signIn.username'))}</label>
          <input id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}"${described}${error ? ' autofocus' : ''}>
        </p>
        <p>
          <label for="password">${escapeHtml(t.text('signIn.password'))}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
        </p>
        <p><button type="submit">${escapeHtml(t.text('signIn.submit'))}</button></p>
      </form>`,
  });
}

/** @param {PageContext & { returnTo: string, user?: import('./users.mjs').PartnerUser }} options */
export function signOutPage({ returnTo, ...context }) {
  const { t, partnerName } = context;
  return layout({
    ...context,
    title: t.text('signOut.title'),
    body: `      <h1>${escapeHtml(t.text('signOut.title'))}</h1>
      <form method="post" action="/sign-out">
        <input type="hidden" name="return" value="${escapeHtml(returnTo)}">
        <p><button type="submit">${escapeHtml(t.text('signOut.submit', { partner: partnerName }))}</button></p>
      </form>`,
  });
}

/**
 * The home page: who is signed in, the CSV download, and the last webhooks received.
 *
 * @param {PageContext & { user?: import('./users.mjs').PartnerUser, received: readonly import('./received-webhooks.mjs').ReceivedWebhook[], kept: number, countries: readonly string[], webhookStatus: string, siteUrl: string }} options
 */
export function homePage({ received, kept, countries, webhookStatus, siteUrl, ...context }) {
  const { t, partnerName, user } = context;
  const rows = received
    .map(
      (delivery) => `          <tr>
            <td><code>${escapeHtml(delivery.type)}</code></td>
            <td><time datetime="${escapeHtml(delivery.receivedAt)}">${escapeHtml(t.dateTime(delivery.receivedAt))}</time></td>
            <td dir="auto">${escapeHtml(summarize(delivery.event, t))}</td>
          </tr>`,
    )
    .join('\n');
  const siteLink = `<a href="${escapeHtml(siteUrl)}">${escapeHtml(t.text('home.ourSite'))}</a>`;
  const exportSection = user
    ? `      <form method="get" action="/export.csv" class="export">
        ${languageField(context)}
        <p>
          <label for="country">${escapeHtml(t.text('export.countries'))}</label>
          <input id="country" name="country" value="${escapeHtml(countries.join(','))}" pattern="[A-Za-z]{2}(\\s*,\\s*[A-Za-z]{2})*" required dir="ltr">
        </p>
        <p><button type="submit">${escapeHtml(t.text('export.submit'))}</button></p>
      </form>`
    : `      <p>${t.html('export.signInFirst', { signIn: `<a href="/sign-in">${escapeHtml(t.text('account.signIn'))}</a>` })}</p>`;
  // Chinese runs its sentences on without a space.
  const sentenceSpace = t.language === 'zh' ? '' : ' ';
  const count =
    received.length === 0
      ? t.text('webhooks.lastAppearHere', { count: t.number(kept) })
      : t.text('webhooks.verified', { count: t.number(received.length) });
  return layout({
    ...context,
    title: t.text('home.title'),
    body: `      <h1>${escapeHtml(t.text('home.heading', { partner: partnerName }))}</h1>
      <p>${t.html('home.intro', { site: siteLink })}</p>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">${escapeHtml(t.text('export.heading'))}</h2>
${exportSection}
      </section>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">${escapeHtml(t.text('webhooks.heading'))}</h2>
        <p>${[
          escapeHtml(webhookStatus),
          escapeHtml(count),
          t.html('webhooks.json', { link: '<a href="/webhooks/recent" dir="ltr">/webhooks/recent</a>' }),
          `<a href="/">${escapeHtml(t.text('webhooks.refresh'))}</a>`,
        ].join(sentenceSpace)}</p>
        ${
          received.length === 0
            ? `<p>${escapeHtml(t.text('webhooks.none'))}</p>`
            : `<table>
          <thead><tr><th scope="col">${escapeHtml(t.text('webhooks.type'))}</th><th scope="col">${escapeHtml(t.text('webhooks.received'))}</th><th scope="col">${escapeHtml(t.text('webhooks.summary'))}</th></tr></thead>
          <tbody>
${rows}
          </tbody>
        </table>`
        }
      </section>`,
  });
}

/** @param {PageContext & { title: string, detail: string }} options */
export function errorPage({ title, detail, ...context }) {
  const { t } = context;
  return layout({
    ...context,
    title,
    body: `      <h1>${escapeHtml(title)}</h1>
      <p>${escapeHtml(detail)}</p>
      <p><a href="/">${escapeHtml(t.text('error.back'))}</a></p>`,
  });
}
