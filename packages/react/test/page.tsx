// A partner's React 19 page using @wsc/react as an npm package, bundled by src/react.test.ts
// with esbuild (PAGE_CONFIG is defined at bundle time) and served from the partner's origin.
import { WscEventCard } from '@wsc/react';
import { configure } from '@wsc/widgets';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

declare const PAGE_CONFIG: { apiUrl: string; publishableKey: string; event: string };

declare global {
  interface Window {
    /** The slugs `onWscEventLoaded` received, in order, for the test to read. */
    loadedEvents: string[];
  }
}

configure({ apiUrl: PAGE_CONFIG.apiUrl, publishableKey: PAGE_CONFIG.publishableKey });
window.loadedEvents = [];

function Page() {
  const [name, setName] = useState<string>();
  const [lang, setLang] = useState('en');
  return (
    <section>
      <WscEventCard
        event={PAGE_CONFIG.event}
        lang={lang}
        onWscEventLoaded={(loaded) => {
          window.loadedEvents.push(loaded.detail.event.slug);
          setName(loaded.detail.event.name.en);
        }}
      />
      <p id="loaded">{name ? `Loaded: ${name}` : 'Waiting for the card'}</p>
      <button type="button" lang="ar" onClick={() => setLang('ar')}>
        العربية
      </button>
    </section>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
