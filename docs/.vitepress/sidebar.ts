// The sidebars of the generated references (api/, http/, elements/), read from their files at
// configuration time: each page titled by its first heading.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DefaultTheme } from 'vitepress';

/** The Markdown files under a generated folder, as sidebar links titled by their first heading. */
export function generatedPages(root: string, folder: string): DefaultTheme.SidebarItem[] {
  const directory = join(root, folder);
  if (!existsSync(directory)) return [];
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort((left, right) => (left === 'index.md' ? -1 : right === 'index.md' ? 1 : left.localeCompare(right)));
  return files.map((file) => {
    const text = readFileSync(join(directory, file), 'utf8');
    // The sidebar shows its text as HTML: a title such as `<wsc-event-card>` must stay text.
    const title = (/^#\s+(.+)$/m.exec(text)?.[1] ?? file)
      .replace(/[\\`]/g, '')
      .replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
    const link = `/${relative(root, join(directory, file))
      .replace(/\\/g, '/')
      .replace(/(index)?\.md$/, '')}`;
    return { text: title, link };
  });
}

/**
 * The API reference grouped by package: its README (labelled `overview`, in the sidebar's language),
 * then each entry point (titled by the build).
 */
export function apiSidebar(root: string, overview = 'Overview'): DefaultTheme.SidebarItem[] {
  const pages = generatedPages(root, 'api');
  const groups = new Map<string, DefaultTheme.SidebarItem[]>();
  for (const page of pages) {
    const name = /^\/api\/(@wsc\/[^/]+)/.exec(page.link ?? '')?.[1];
    if (!name) continue;
    const items = groups.get(name) ?? [];
    items.push(page.link?.endsWith('/') ? { ...page, text: overview } : page);
    groups.set(name, items);
  }
  return [
    { text: 'Packages', link: '/api/' },
    ...[...groups].map(([name, items]) =>
      items.length === 1 ? { text: name, link: items[0]?.link } : { text: name, collapsed: true, items },
    ),
  ];
}
