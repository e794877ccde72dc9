import { WscClient } from '@wsc/sdk';
import { configure } from '@wsc/widgets';

/** Where the API is and the partner's key, from the build's environment (`VITE_WSC_*`). */
export const settings = {
  apiUrl: import.meta.env.VITE_WSC_API_URL || 'http://localhost:8787',
  publishableKey: import.meta.env.VITE_WSC_PUBLISHABLE_KEY || undefined,
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
