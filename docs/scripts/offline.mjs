// The built site must load nothing from another origin (no CDN, no web fonts): every resource a page
// or a style sheet references is a path on the site itself. Links to other sites (<a href>) are fine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RESOURCE_IN_HTML =
  /<(?:script|img|source|iframe|audio|video|embed)\b[^>]*?\ssrc=["']([^"']+)["']|<link\b[^>]*?\shref=["']([^"']+)["'][^>]*>/gi;
const RESOURCE_IN_CSS = /@import\s+(?:url\()?["']?([^"')\s;]+)|url\(\s*["']?([^"')]+)["']?\s*\)/gi;

/**
 * Off-origin resources referenced by the built site's HTML and CSS, as `file: url` lines.
 * @param {string} directory the VitePress output (`.vitepress/dist`)
 * @returns {string[]}
 * @example
 * offOriginResources('.vitepress/dist'); // [] when the site is self-contained
 */
export function offOriginResources(directory) {
  /** @type {string[]} */
  const found = [];
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  for (const file of files) {
    const pattern = file.endsWith('.html')
      ? RESOURCE_IN_HTML
      : file.endsWith('.css')
        ? RESOURCE_IN_CSS
        : undefined;
    if (!pattern) continue;
    const text = readFileSync(join(directory, file), 'utf8');
    for (const match of text.matchAll(pattern)) {
      const url = match[1] ?? match[2] ?? '';
      // `<link rel="…" href>` of an anchor-like kind (canonical, alternate) is not fetched.
      if (/^<link/i.test(match[0]) && /rel=["'](?:canonical|alternate|author|license)["']/i.test(match[0]))
        continue;
      if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !url.startsWith('data:'))
        found.push(`${file}: ${url}`);
    }
  }
  return found;
}
