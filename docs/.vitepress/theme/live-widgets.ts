// The live widgets of the embedding guide: the page loads the community's embed script from the API
// its server names in <meta name="wsc-api-url"> (serve.mjs fills it from WSC_API_URL at request
// time, so one build serves any API), exactly as a partner page would with a script tag.

export const DEFAULT_API_URL = 'http://localhost:8787';

export interface EmbedSettings {
  apiUrl: string;
  publishableKey: string;
}

/** A meta tag's content, or '' when absent or still the unfilled placeholder of a plain static server. */
function meta(document: Document, name: string): string {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
  return content.startsWith('%') ? '' : content;
}

/** Where the widgets on this page talk to, as the serving environment said. */
export function embedSettings(document: Document): EmbedSettings {
  return {
    apiUrl: (meta(document, 'wsc-api-url') || DEFAULT_API_URL).replace(/\/+$/, ''),
    publishableKey: meta(document, 'wsc-publishable-key'),
  };
}

let loading: Promise<void> | undefined;

/**
 * Adds the embed script once per page life (the site navigates without reloading); resolves when it
 * ran, rejects when the API did not answer.
 */
export function loadEmbedScript(document: Document): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const { apiUrl, publishableKey } = embedSettings(document);
    const script = document.createElement('script');
    script.src = `${apiUrl}/embed/v1/wsc.js`;
    script.async = true;
    if (publishableKey) script.dataset.publishableKey = publishableKey;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      loading = undefined;
      script.remove();
      reject(new Error(`The community API at ${apiUrl} did not answer.`));
    });
    document.head.append(script);
  });
  return loading;
}
