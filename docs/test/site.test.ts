// What the site's build guarantees: a broken internal link fails it, an include that resolves to
// nothing is caught, nothing is loaded from another origin, and every language's folder holds every
// English guide, faithful in its sections and linking within its own language.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GUIDE_ORDER, LOCALES } from '../.vitepress/locales.mjs';
import { apiSidebar, generatedPages } from '../.vitepress/sidebar';
import { translatedLink } from '../.vitepress/theme/translated-link';
import { includeProblems } from '../scripts/includes.mjs';
import { offOriginResources } from '../scripts/offline.mjs';
import {
  englishGuides,
  missingTranslations,
  referenceEntryPage,
  siteLocales,
  translatedLocales,
} from '../scripts/translations.mjs';
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

  it('finds every include of the guides, in every language (`@/` from the site, `../` from the page)', () => {
    const guides = siteLocales(docsDirectory).flatMap((locale) =>
      englishGuides(docsDirectory).map((guide) =>
        join(docsDirectory, locale.code === 'en' ? '' : locale.code, guide),
      ),
    );
    expect(guides.length).toBeGreaterThanOrEqual(3 * 8);
    expect(includeProblems(guides, docsDirectory)).toEqual([]);
  });

  it('resolves `@/` from the site folder', () => {
    mkdirSync(join(folder, 'parts'), { recursive: true });
    mkdirSync(join(folder, 'xx'), { recursive: true });
    writeFileSync(
      join(folder, 'parts', 'table.md'),
      '<!-- #region rows -->\n| a |\n<!-- #endregion rows -->\n',
    );
    writeFileSync(
      join(folder, 'xx', 'page.md'),
      '<!--@include: @/parts/table.md#rows-->\n<!--@include: @/parts/table.md#cols-->\n',
    );
    expect(includeProblems([join(folder, 'xx', 'page.md')], folder)).toEqual([
      'xx/page.md: @/parts/table.md#cols: no region "cols" in @/parts/table.md',
    ]);
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

/** Headings outside code blocks: level and text. */
function headings(markdown: string): { level: number; text: string }[] {
  let fenced = false;
  const found: { level: number; text: string }[] = [];
  for (const line of markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (match) found.push({ level: match[1]?.length ?? 0, text: match[2] ?? '' });
  }
  return found;
}

/** Markdown links outside code: their targets. */
function links(markdown: string): string[] {
  return [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('the languages', () => {
  it('are English and each language whose folder holds its guides, Arabic and Chinese among them', () => {
    const codes = siteLocales(docsDirectory).map((locale) => locale.code);
    expect(codes[0]).toBe('en');
    expect(codes).toEqual(expect.arrayContaining(['ar', 'zh']));
    for (const locale of LOCALES.filter((locale) => locale.code !== 'en'))
      expect(codes.includes(locale.code), locale.code).toBe(existsSync(join(docsDirectory, locale.code)));
    const arabic = LOCALES.find((locale) => locale.code === 'ar');
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(LOCALES.find((locale) => locale.code === 'zh')).toMatchObject({ lang: 'zh-Hans', dir: 'ltr' });
  });

  it('name every guide in every language, in short sidebar labels of their own', () => {
    const guides = englishGuides(docsDirectory)
      .map((file) => file.replace(/\.md$/, ''))
      .filter((guide) => guide !== 'index');
    // The sidebars list every guide (GUIDE_ORDER), each labelled in every language.
    expect([...GUIDE_ORDER].sort()).toEqual([...guides].sort());
    for (const locale of LOCALES) {
      expect(Object.keys(locale.guides).sort(), locale.code).toEqual([...guides].sort());
      for (const label of Object.values(locale.guides)) expect(label.length).toBeLessThan(60);
    }
    // Each language's words are its own, not English left in place.
    for (const locale of LOCALES.filter((locale) => locale.code !== 'en'))
      expect(locale.guides['getting-started']).not.toBe(LOCALES[0]?.guides['getting-started']);
  });

  it('each hold every English guide, with the same sections, linking within their own language', () => {
    expect(missingTranslations(docsDirectory)).toEqual([]);
    const guides = englishGuides(docsDirectory);
    for (const locale of translatedLocales(docsDirectory)) {
      for (const guide of guides) {
        const english = readFileSync(join(docsDirectory, guide), 'utf8');
        const translated = readFileSync(join(docsDirectory, locale.code, guide), 'utf8');
        const page = `${locale.code}/${guide}`;
        expect(
          headings(translated).map((heading) => heading.level),
          page,
        ).toEqual(headings(english).map((heading) => heading.level));
        for (const target of links(translated)) {
          if (/^(?:[a-z]+:|#)/.test(target)) continue;
          const [path = '', anchor] = target.split('#');
          // The generated references exist in English only (each language has their entry pages).
          if (/^\/(?:elements|http|api)\//.test(path)) continue;
          const own = path.startsWith('./')
            ? path.slice(2)
            : path.startsWith(`/${locale.code}/`)
              ? path.slice(locale.code.length + 2)
              : undefined;
          expect(own, `${page} links ${target}, outside its language`).toBeDefined();
          if (own === undefined || /^(?:elements|http|api)\/$/.test(own)) continue;
          const file = join(docsDirectory, locale.code, `${own || 'index'}.md`);
          expect(existsSync(file), `${page} links ${target}`).toBe(true);
          // An anchor names a heading of the linked page: `{#keys}`, kept from the English page.
          if (anchor) expect(readFileSync(file, 'utf8'), `${page} links ${target}`).toContain(`{#${anchor}}`);
        }
      }
    }
  });

  it('say on each reference entry page, in the language, that identifiers and descriptions come from the code', () => {
    const arabic = LOCALES.find((locale) => locale.code === 'ar');
    if (!arabic) throw new Error('no Arabic');
    const page = referenceEntryPage(arabic, 'elements', [
      { title: 'Elements', link: '/elements/' },
      { title: '`<wsc-event-card>`', link: '/elements/wsc-event-card' },
    ]);
    expect(page).toMatch(/^# مرجع العناصر$/m);
    expect(page).toContain(arabic.sourceNote);
    expect(page).toContain(
      '<a href="/elements/wsc-event-card" lang="en" dir="ltr">&#60;wsc-event-card&#62;</a>',
    );
  });
});

describe('the language switcher', () => {
  it("links a page to the same page in each language, and a reference page to the language's entry page", () => {
    expect(translatedLink('/ar/', 'webhooks.md', true, false)).toBe('/ar/webhooks');
    expect(translatedLink('/', 'webhooks.md', true, false)).toBe('/webhooks');
    expect(translatedLink('/zh/', 'index.md', true, false)).toBe('/zh/');
    expect(translatedLink('/zh/', 'elements/index.md', true, false)).toBe('/zh/elements/');
    expect(translatedLink('/zh/', 'elements/wsc-event-card.md', true, false)).toBe('/zh/elements/');
    expect(translatedLink('/ar/', 'api/@wsc/sdk/node.md', true, false)).toBe('/ar/api/');
    expect(translatedLink('/', 'elements/index.md', true, false)).toBe('/elements/');
    expect(translatedLink('/ar/', 'webhooks.md', true, true)).toBe('/ar/webhooks.html');
    expect(translatedLink('/ar/', 'webhooks.md', false, false)).toBe('/ar/');
  });
});

describe('the build of a language lacking a guide', () => {
  it('fails before generating anything, naming the missing file', async () => {
    // The build script and the guides in a folder of their own (inside docs/, so that packages
    // resolve), Arabic without its webhooks guide.
    const root = join(docsDirectory, 'test', '.fixtures', 'missing-translation');
    rmSync(root, { recursive: true, force: true });
    cpSync(join(docsDirectory, 'scripts'), join(root, 'scripts'), { recursive: true });
    mkdirSync(join(root, '.vitepress'), { recursive: true });
    cpSync(join(docsDirectory, '.vitepress', 'locales.mjs'), join(root, '.vitepress', 'locales.mjs'));
    mkdirSync(join(root, 'ar'), { recursive: true });
    for (const guide of englishGuides(docsDirectory)) {
      writeFileSync(join(root, guide), '# Guide\n');
      if (guide !== 'webhooks.md') writeFileSync(join(root, 'ar', guide), '# دليل\n');
    }
    const failure = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(root, 'scripts', 'build.mjs')], (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
      );
    });
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('Guides without their translation');
    expect(failure.stderr).toContain('ar/webhooks.md');
    expect(failure.stderr).not.toContain('ar/index.md');
    // Nothing was generated: the check runs first.
    expect(existsSync(join(root, 'elements'))).toBe(false);
    expect(existsSync(join(root, 'ar', 'elements'))).toBe(false);

    // With the guide back, the rule is met.
    writeFileSync(join(root, 'ar', 'webhooks.md'), '# دليل\n');
    const { missingTranslations: missing } = await import('../scripts/translations.mjs');
    expect(missing(root)).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});
