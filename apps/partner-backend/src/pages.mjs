// The back end's own pages: plain HTML, no script, one style sheet. They are its staff's admin
// pages, in English; the partner site around the widgets is what the public reads in six languages.

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * @param {{ title: string, body: string, user?: import('./users.mjs').PartnerUser | undefined, partnerName: string }} page
 */
function layout({ title, body, user, partnerName }) {
  const account = user
    ? `<p class="account">Signed in as <span lang="${escapeHtml(user.language)}" dir="auto">${escapeHtml(user.displayName)}</span> · <a href="/sign-out">Sign out</a></p>`
    : '<p class="account"><a href="/sign-in">Sign in</a></p>';
  return `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)} — ${escapeHtml(partnerName)} back end</title>
    <link rel="stylesheet" href="/backend.css">
  </head>
  <body>
    <header>
      <p class="brand"><a href="/">${escapeHtml(partnerName)} back end</a></p>
      ${account}
    </header>
    <main id="content">
${body}
    </main>
  </body>
</html>
`;
}

/**
 * The sign-in form. An error is announced (role="alert"), named in the title, and tied to the
 * fields with aria-describedby, so a screen reader hears it on arrival and at each field.
 *
 * @param {{ partnerName: string, returnTo: string, error?: string, username?: string }} options
 */
export function signInPage({ partnerName, returnTo, error, username = '' }) {
  const described = error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  return layout({
    partnerName,
    title: `${error ? 'Error: ' : ''}Sign in`,
    body: `      <h1>Sign in with your ${escapeHtml(partnerName)} account</h1>
      <p>The community widgets on our site will then act in your name.</p>
      ${error ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
      <form method="post" action="/sign-in" class="sign-in">
        <input type="hidden" name="return" value="${escapeHtml(returnTo)}">
        <p>
          <label for="username">User name</label>
          <input id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}"${described}${error ? ' autofocus' : ''}>
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
        </p>
        <p><button type="submit">Sign in</button></p>
      </form>`,
  });
}

/** @param {{ partnerName: string, returnTo: string, user?: import('./users.mjs').PartnerUser }} options */
export function signOutPage({ partnerName, returnTo, user }) {
  return layout({
    partnerName,
    user,
    title: 'Sign out',
    body: `      <h1>Sign out</h1>
      <form method="post" action="/sign-out">
        <input type="hidden" name="return" value="${escapeHtml(returnTo)}">
        <p><button type="submit">Sign out of ${escapeHtml(partnerName)}</button></p>
      </form>`,
  });
}

/**
 * The home page: who is signed in, the CSV download, and the last webhooks received.
 *
 * @param {{ partnerName: string, user?: import('./users.mjs').PartnerUser, received: readonly import('./received-webhooks.mjs').ReceivedWebhook[], countries: readonly string[], webhookStatus: string, siteUrl: string }} options
 */
export function homePage({ partnerName, user, received, countries, webhookStatus, siteUrl }) {
  const rows = received
    .map(
      (event) => `          <tr>
            <td><code>${escapeHtml(event.type)}</code></td>
            <td><time datetime="${escapeHtml(event.receivedAt)}">${escapeHtml(event.receivedAt.replace('T', ' ').slice(0, 19))} UTC</time></td>
            <td dir="auto">${escapeHtml(event.summary)}</td>
          </tr>`,
    )
    .join('\n');
  const exportSection = user
    ? `      <form method="get" action="/export.csv" class="export">
        <p>
          <label for="country">Countries (ISO codes, comma-separated)</label>
          <input id="country" name="country" value="${escapeHtml(countries.join(','))}" pattern="[A-Za-z]{2}(\\s*,\\s*[A-Za-z]{2})*" required>
        </p>
        <p><button type="submit">Download CSV</button></p>
      </form>`
    : '      <p><a href="/sign-in">Sign in</a> to download the export.</p>';
  return layout({
    partnerName,
    user,
    title: 'Community connection',
    body: `      <h1>${escapeHtml(partnerName)} and the World Smart City Community</h1>
      <p>Signed-in staff vote, report and register on <a href="${escapeHtml(siteUrl)}">our site</a> through the community widgets, in their own name.</p>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export pain points of our region</h2>
${exportSection}
      </section>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks received</h2>
        <p>${escapeHtml(webhookStatus)} ${received.length === 0 ? 'The last 50 appear here' : `${received.length} verified, newest first`}; also as JSON at <a href="/webhooks/recent">/webhooks/recent</a>. <a href="/">Refresh</a></p>
        ${
          received.length === 0
            ? '<p>None yet: vote on a pain point on our site.</p>'
            : `<table>
          <thead><tr><th scope="col">Type</th><th scope="col">Received</th><th scope="col">Summary</th></tr></thead>
          <tbody>
${rows}
          </tbody>
        </table>`
        }
      </section>`,
  });
}

/** @param {{ partnerName: string, status: number, title: string, detail: string }} options */
export function errorPage({ partnerName, title, detail }) {
  return layout({
    partnerName,
    title,
    body: `      <h1>${escapeHtml(title)}</h1>
      <p>${escapeHtml(detail)}</p>
      <p><a href="/">Back to the start page</a></p>`,
  });
}
