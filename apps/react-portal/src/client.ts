import { WscClient } from '@wsc/sdk';
import { configure } from '@wsc/widgets';

/** A `<meta name="…" content="…">` of the served page (serve.mjs fills them from its environment). */
function served(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

/**
 * Where the API is and the partner's key: from the page as served (`npm start` passes its sample
 * partner's key), else from the build's environment (`VITE_WSC_*`).
 */
export const settings = {
  apiUrl: served('wsc-api-url') ?? (import.meta.env.VITE_WSC_API_URL || 'http://localhost:8787'),
  publishableKey: served('wsc-publishable-key') ?? (import.meta.env.VITE_WSC_PUBLISHABLE_KEY || undefined),
};

/**
 * Configures the widgets for the whole page and returns the SDK client the portal's own lists
 * use: one configuration, two readers. Call once, before the first render.
 *
 * @example
 * const client = start();
 */
export function start(): WscClient {
  configure({
    apiUrl: settings.apiUrl,
    ...(settings.publishableKey ? { publishableKey: settings.publishableKey } : {}),
  });
  return new WscClient({
    baseURL: settings.apiUrl,
    ...(settings.publishableKey ? { publishableKey: settings.publishableKey } : {}),
  });
}
