import type { TokenProvider } from '@wsc/sdk';

/** What every widget on a page shares: where the API is, the partner's key, the language. */
export interface WidgetConfig {
  /** Origin of the community API (`https://community.example`); the embed script's own origin by default. */
  apiUrl?: string | undefined;
  /** The partner's publishable key (`pk_…`): the only credential a page carries. */
  publishableKey?: string | undefined;
  /** One of ar, zh, en, fr, ru, es; absent: the page's `<html lang>`, then the browser's languages. */
  lang?: string | undefined;
  /** A member's token handed by the partner (for example after its single sign-on). Kept in memory only. */
  token?: string | undefined;
  /** Called before each request that needs a member; returns the partner's single sign-on token or nothing. */
  getToken?: TokenProvider | undefined;
  /** Base URL of the embed files (set by the embed script), used for assets such as the map geometry. */
  embedUrl?: string | undefined;
}

/** Dispatched on `window` when the shared configuration or the signed-in member changes. */
export const CONFIG_CHANGE_EVENT = 'wsc-config-change';

// Symbol.for: two copies of the widgets on one page (two embed scripts, or one beside an npm
// build) share one configuration and one signed-in member instead of each keeping its own.
const STORE = Symbol.for('wsc.widgets.config');

interface Store {
  config: WidgetConfig;
  /** Token of a member signed in through the community's own dialog; memory only, never storage. */
  sessionToken?: string | undefined;
}

function store(): Store {
  const global = globalThis as unknown as Record<symbol, Store | undefined>;
  let shared = global[STORE];
  if (!shared) {
    shared = { config: {} };
    global[STORE] = shared;
  }
  return shared;
}

/**
 * Sets the configuration every widget on the page falls back to (element attributes and a
 * `<wsc-config>` element come first). Widgets already on the page pick the change up at once.
 *
 * @example
 * import { configure } from '@wsc/widgets';
 *
 * configure({ apiUrl: 'https://community.example', publishableKey: 'pk_live_…', getToken: () => mySso.token() });
 */
export function configure(config: WidgetConfig): void {
  const shared = store();
  shared.config = { ...shared.config, ...withoutUndefined(config) };
  announceChange();
}

/** The configuration `configure` and the embed script set. */
export function globalConfig(): Readonly<WidgetConfig> {
  return store().config;
}

/** Token of the member signed in through the community's own dialog, if any. */
export function sessionToken(): string | undefined {
  return store().sessionToken;
}

/** Records (or with `undefined`, forgets) the member signed in through the community's own dialog. */
export function setSessionToken(token: string | undefined): void {
  store().sessionToken = token;
  announceChange();
}

function announceChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(CONFIG_CHANGE_EVENT));
}

function withoutUndefined(config: WidgetConfig): WidgetConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}

/** Reads the `<wsc-config>` element around `element`, else the first one on the page. */
export function configElementFor(element: Element): Element | null {
  return element.closest('wsc-config') ?? element.ownerDocument.querySelector('wsc-config');
}
