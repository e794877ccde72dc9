// The one script a partner page includes:
//   <script src="https://community.example/embed/v1/wsc.js" data-publishable-key="pk_…" async></script>
// It reads its attributes into the shared configuration, then fetches each element's chunk only
// when that element is on the page (the heavy ones only when they come near the viewport), and
// keeps watching for elements added later. Built as a classic script (IIFE): dynamic `import()`
// works in classic scripts, so the chunks are ES modules shared with the npm build.
import { configure, type WidgetConfig } from '../internal/config';
import { MAIL_LINK_FRAGMENT } from '../sign-in/mail-link';

declare const __WSC_CHUNKS__: Record<string, string>;
declare const __WSC_HEAVY__: string[];

interface PageApi {
  configure(config: WidgetConfig): void;
  /** Resolves when every element on the page so far is defined. */
  ready(): Promise<void>;
}

const script = document.currentScript as HTMLScriptElement | null;
const embedUrl = new URL('.', script?.src ?? window.location.href).href;
const pending = new Map<string, Promise<unknown>>();
const heavy = new Set(__WSC_HEAVY__);
const tags = Object.keys(__WSC_CHUNKS__);

function data(name: string): string | undefined {
  return script?.getAttribute(`data-${name}`) ?? undefined;
}

// A partner may declare `window.wsc = { getToken, lang, … }` before the script loads.
const early = (window as unknown as { wsc?: WidgetConfig | PageApi }).wsc;
configure({
  apiUrl: data('api-url') ?? new URL(embedUrl).origin,
  publishableKey: data('publishable-key'),
  lang: data('lang'),
  embedUrl,
  ...(early && !('ready' in early) ? early : {}),
});

function load(tag: string): Promise<unknown> {
  let promise = pending.get(tag);
  if (!promise) {
    const chunk = __WSC_CHUNKS__[tag] as string;
    promise = import(/* @vite-ignore */ new URL(chunk, embedUrl).href);
    pending.set(tag, promise);
  }
  return promise;
}

const nearViewport =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            nearViewport?.unobserve(entry.target);
            void load(entry.target.localName);
          }
        },
        { rootMargin: '300px' },
      )
    : undefined;

// Once every element's code is on its way the loader has nothing left to look for: it stops
// watching the page, which a single-page app may change thousands of times.
let scheduled = false;
const watcher = new MutationObserver(() => {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    scan();
  });
});

function scan(): void {
  const waiting = tags.filter((tag) => !pending.has(tag) && !customElements.get(tag));
  if (waiting.length === 0) {
    watcher.disconnect();
    return;
  }
  for (const element of document.querySelectorAll(waiting.join(','))) {
    const tag = element.localName;
    if (pending.has(tag)) continue;
    if (heavy.has(tag) && nearViewport) nearViewport.observe(element);
    else void load(tag);
  }
}

watcher.observe(document, { childList: true, subtree: true });
scan();

// A link of account mail to this page (`#wsc-confirm-email=…`, `#wsc-reset-password=…`, on the
// partner's account page): the sign-in dialog completes it, so the page gets one if it has none.
if (MAIL_LINK_FRAGMENT.test(window.location.hash)) {
  const place = () => {
    if (!document.querySelector('wsc-sign-in-dialog'))
      document.body.append(document.createElement('wsc-sign-in-dialog'));
    void load('wsc-sign-in-dialog');
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place, { once: true });
  else place();
}

const api: PageApi = {
  configure,
  ready: () => Promise.all(pending.values()).then(() => undefined),
};
(window as unknown as { wsc: PageApi }).wsc = api;
