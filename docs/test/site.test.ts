// What the site's build guarantees: a broken internal link fails it, an include that resolves to
// nothing is caught, and nothing is loaded from another origin.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSidebar, generatedPages } from '../.vitepress/sidebar';
import { includeProblems } from '../scripts/includes.mjs';
import { offOriginResources } from '../scripts/offline.mjs';
import { buildFixture } from './fixtures';
import { docsDirectory } from './servers';

const folder = mkdtempSync(join(tmpdir(), 'wsc-docs-site-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the build', () => {
  it('fails on a broken internal link', async () => {
    await expect(
      buildFixture('dead-link', {
        'index.md': '# Home\n\nSee [the guide](./guide) and [a page that does not exist](./no-such-page).\n',
        'guide.md': '# Guide\n',
      }),
    ).rejects.toThrow(/dead link/i);
  });

  it('builds the same pages once the link is fixed, searchable offline, with nothing from another origin', async () => {
    const dist = await buildFixture('fixed-link', {
      'index.md': '# Home\n\nSee [the guide](./guide).\n',
      'guide.md': '# Guide\n\nPain points and standards.\n',
    });
    expect(offOriginResources(dist)).toEqual([]);
    // Local search: the index ships with the site (no search service to call).
    const chunks = join(dist, 'assets', 'chunks');
    const index = readdirSync(chunks).find((file) => file.startsWith('@localSearchIndex'));
    expect(index).toBeDefined();
    const terms = readFileSync(join(chunks, index as string), 'utf8');
    for (const word of ['pain', 'points', 'standards']) expect(terms).toContain(`["${word}",`);
  });
});

describe('offOriginResources', () => {
  it('names scripts, style sheets and CSS imports from other origins, not links to other sites', () => {
    const site = join(folder, 'site');
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(
      join(site, 'index.html'),
      [
        '<link rel="stylesheet" href="/assets/style.css">',
        '<link rel="preconnect" href="https://fonts.gstatic.com">',
        '<script src="https://cdn.example/lib.js"></script>',
        '<a href="https://www.iec.ch">IEC</a>',
        '<link rel="canonical" href="https://docs.example/">',
      ].join('\n'),
    );
    writeFileSync(
      join(site, 'assets', 'style.css'),
      "@import url('https://fonts.googleapis.com/css2?family=Inter');\n.a{background:url(./local.png)}\n",
    );
    expect(offOriginResources(site).sort()).toEqual([
      'assets/style.css: https://fonts.googleapis.com/css2?family=Inter',
      'index.html: https://cdn.example/lib.js',
      'index.html: https://fonts.gstatic.com',
    ]);
  });
});

describe('includeProblems', () => {
  it('names an include whose file or region is missing', () => {
    writeFileSync(join(folder, 'part.md'), '<!-- #region kept -->\nText\n<!-- #endregion kept -->\n');
    writeFileSync(
      join(folder, 'page.md'),
      '<!--@include: ./part.md#kept-->\n<!--@include: ./part.md#gone-->\n<!--@include: ./missing.md-->\n',
    );
    expect(includeProblems([join(folder, 'page.md')], folder)).toEqual([
      'page.md: ./part.md#gone: no region "gone" in ./part.md',
      'page.md: ./missing.md: no such file',
    ]);
  });

  it('finds every include of the guides', () => {
    const guides = ['getting-started', 'embedding', 'self-hosting'].map((guide) =>
      join(docsDirectory, `${guide}.md`),
    );
    expect(includeProblems(guides, docsDirectory)).toEqual([]);
  });
});

describe('the generated sidebars', () => {
  it('show titles as text, never as elements (a title such as <wsc-coverage-chart> would run)', () => {
    const reference = join(folder, 'reference');
    mkdirSync(join(reference, 'elements'), { recursive: true });
    writeFileSync(join(reference, 'elements', 'index.md'), '# Elements\n');
    writeFileSync(join(reference, 'elements', 'wsc-coverage-chart.md'), '# `<wsc-coverage-chart>`\n');
    expect(generatedPages(reference, 'elements')).toEqual([
      { text: 'Elements', link: '/elements/' },
      { text: '&#60;wsc-coverage-chart&#62;', link: '/elements/wsc-coverage-chart' },
    ]);
  });

  it('group the API reference by package', () => {
    const reference = join(folder, 'reference');
    mkdirSync(join(reference, 'api', '@wsc', 'sdk'), { recursive: true });
    writeFileSync(join(reference, 'api', 'index.md'), '# Packages\n');
    writeFileSync(join(reference, 'api', '@wsc', 'sdk', 'index.md'), '# @wsc/sdk\n');
    writeFileSync(join(reference, 'api', '@wsc', 'sdk', 'node.md'), '# @wsc/sdk/node (API)\n');
    writeFileSync(join(reference, 'api', '@wsc', 'plugin-retry.md'), '# @wsc/plugin-retry\n');
    expect(apiSidebar(reference)).toEqual([
      { text: 'Packages', link: '/api/' },
      { text: '@wsc/plugin-retry', link: '/api/@wsc/plugin-retry' },
      {
        text: '@wsc/sdk',
        collapsed: true,
        items: [
          { text: 'Overview', link: '/api/@wsc/sdk/' },
          { text: '@wsc/sdk/node (API)', link: '/api/@wsc/sdk/node' },
        ],
      },
    ]);
  });
});
