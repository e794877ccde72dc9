import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * Names the built-in publishable key in a meta tag, so that `npm start` (serve.mjs) can tell a
 * build without one and say how to get one. The key is public: it is in the bundle anyway.
 */
function publishableKeyMeta(key: string | undefined): Plugin {
  return {
    name: 'wsc-publishable-key-meta',
    transformIndexHtml: () =>
      key ? [{ tag: 'meta', attrs: { name: 'wsc-publishable-key', content: key }, injectTo: 'head' }] : [],
  };
}

export default defineConfig(({ mode }) => {
  const environment = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env };
  return {
    plugins: [react(), publishableKeyMeta(environment.VITE_WSC_PUBLISHABLE_KEY)],
    preview: { port: Number(process.env.REACT_PORTAL_PORT || 5174), strictPort: true },
  };
});
