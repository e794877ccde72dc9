/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the community API (default http://localhost:8787, `npm start`'s API). */
  readonly VITE_WSC_API_URL?: string;
  /** The partner's `pk_…` key, bound to the portal's origin. */
  readonly VITE_WSC_PUBLISHABLE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
