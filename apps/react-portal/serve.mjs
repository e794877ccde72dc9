// Serves the built portal (dist/, `npm run build`) on REACT_PORTAL_PORT (default 5174): a few
// lines of node:http rather than `vite preview`, so that a port in use or a build without a
// publishable key is said in one line, not a stack.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.env.REACT_PORTAL_PORT || 5174);
const host = process.env.HOST || '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error('The portal is not built: run `npm run build` in apps/react-portal first.');
  process.exit(1);
}
/** Escapes a value for an HTML attribute. */
const attribute = (value) => value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
// The API and key of this run (WSC_API_URL, WSC_PUBLISHABLE_KEY, as `npm start` passes them) go into
// the page, ahead of whatever the build carried: one build serves any API.
const runtime = [
  ['wsc-api-url', process.env.WSC_API_URL],
  ['wsc-publishable-key', process.env.WSC_PUBLISHABLE_KEY],
].filter(([, value]) => value);
const built = readFileSync(join(root, 'index.html'), 'utf8');
const index = built
  .replace(new RegExp(`<meta name="(?:${runtime.map(([name]) => name).join('|') || '-'})"[^>]*>`, 'g'), '')
  .replace(
    '</head>',
    `${runtime.map(([name, value]) => `<meta name="${name}" content="${attribute(value)}">`).join('')}</head>`,
  );

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(root, path);
  // Anything that is not a built file is the app itself (a single page).
  if (!file.startsWith(root) || path === '/' || !existsSync(file)) {
    response.writeHead(200, { 'content-type': types['.html'] });
    response.end(index);
    return;
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    // Vite's file names carry their content hash.
    ...(path.startsWith('/assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
  });
  response.end(readFileSync(file));
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use: set REACT_PORTAL_PORT to another port.`);
    process.exit(1);
  }
  throw error;
});

server.listen(port, host, () => {
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  console.log(`React portal: ${url}`);
  // The key is built in (VITE_WSC_PUBLISHABLE_KEY); the page names it in a meta tag.
  if (!/<meta name="wsc-publishable-key" content="pk_/.test(index))
    console.log(
      `No publishable key: create one with \`npm run cli -- partners create --name "Portal" --origin ${url}\`, then start with WSC_PUBLISHABLE_KEY=pk_….`,
    );
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
