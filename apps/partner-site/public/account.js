// "Sign in with IEC": the partner's own back end signs its readers in, then hands their community
// token to the widgets, which vote, report and register as that person. The back end's session
// cookie travels with `credentials: 'include'`; the token stays in memory (never storage).

/** @typedef {{ token: string, expiresAt: string }} CommunityToken */

const backend = document.querySelector('meta[name="wsc-partner-backend"]')?.getAttribute('content') ?? '';
/** Asked again a little before it expires: the widgets ask before each request that needs a member. */
const REFRESH_MARGIN_MILLISECONDS = 30_000;

/** @type {CommunityToken | undefined} */
let current;

/** @returns {Promise<string | undefined>} */
async function getToken() {
  if (current && Date.parse(current.expiresAt) - REFRESH_MARGIN_MILLISECONDS > Date.now())
    return current.token;
  const response = await fetch(`${backend}/community-token`, { credentials: 'include' });
  if (!response.ok) {
    // Signed out meanwhile (or the back end is down): the widgets fall back to the community's own sign-in.
    current = undefined;
    return undefined;
  }
  current = /** @type {CommunityToken} */ (await response.json());
  return current.token;
}

/** Hands `getToken` to the widgets, whether their embed script ran already or not yet. */
function handToWidgets() {
  const page = /** @type {{ wsc?: { configure?: (config: object) => void } & Record<string, unknown> }} */ (
    /** @type {unknown} */ (window)
  );
  if (typeof page.wsc?.configure === 'function') page.wsc.configure({ getToken });
  // Not loaded yet: the embed script starts from `window.wsc` declared before it.
  else page.wsc = { ...page.wsc, getToken };
}

/** Points a link at the back end with a return to this very page (language included) when followed. */
function returnHere(/** @type {HTMLAnchorElement} */ link, /** @type {string} */ path) {
  const update = () => {
    link.href = `${backend}${path}?return=${encodeURIComponent(location.href)}`;
  };
  update();
  link.addEventListener('click', update);
}

async function showAccount() {
  const area = /** @type {HTMLElement | null} */ (document.querySelector('[data-account]'));
  if (!backend || !area) return;
  const signIn = /** @type {HTMLAnchorElement} */ (area.querySelector('[data-sign-in]'));
  const signedIn = /** @type {HTMLElement} */ (area.querySelector('[data-signed-in]'));
  let user;
  try {
    const response = await fetch(`${backend}/session`, { credentials: 'include' });
    user = response.ok ? (await response.json()).user : undefined;
  } catch {
    return; // No back end answering: no sign-in to offer.
  }
  if (user) {
    const name = /** @type {HTMLElement} */ (signedIn.querySelector('[data-user-name]'));
    name.textContent = user.displayName;
    name.lang = user.language;
    returnHere(/** @type {HTMLAnchorElement} */ (signedIn.querySelector('[data-sign-out]')), '/sign-out');
    signIn.hidden = true;
    signedIn.hidden = false;
    handToWidgets();
  } else {
    returnHere(signIn, '/sign-in');
  }
  area.hidden = false;
}

await showAccount();
