// What a partner page downloads, read from dist/embed/manifest.json (scripts/build-embed.mjs):
// the loader, the shared chunks, each element's own chunk, each language's messages, and the
// total of a page showing one element in one language. `npm run check:packages` asserts these
// against .ci/size-budgets.json ("embed"); `npm run bench` prints them. Sizes are gzip -9 bytes.
import { readFileSync } from 'node:fs';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
/** A language's messages chunk: esbuild names it after its module, `translations/fr.ts` → `fr-HASH.js`. */
const MESSAGES_CHUNK = new RegExp(`^chunks/(${LANGUAGES.join('|')})-[A-Z0-9]+\\.js$`);

/** Reads a manifest written by the embed build. */
export function readManifest(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** `files` and every chunk they import statically, transitively (the files themselves included). */
function staticClosure(manifest, files) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of manifest.imports[file]?.static ?? []) visit(imported);
  };
  for (const file of files) visit(file);
  return seen;
}

function gzipOf(manifest, files) {
  return [...files].reduce((sum, file) => sum + (manifest.sizes[file]?.gzip ?? 0), 0);
}

/** The language of a messages chunk, or undefined. */
export function messagesLanguage(file) {
  return MESSAGES_CHUNK.exec(file)?.[1];
}

/**
 * The sizes a page pays for, from the manifest.
 *
 * - `loader`: `wsc.js`.
 * - `vendor`: the chunks of the libraries every element stands on (lit, the SDK, the schemas):
 *   what the build-only `vendor` entry imports.
 * - `runtime`: the widgets' own shared runtime (internal/): what the `runtime` entry adds to vendor.
 * - `shared`: every chunk an element chunk imports statically, transitively, for any element
 *   (vendor, runtime, and the chunks some elements share, such as the sign-in dialog's).
 * - `elements`: per tag, its own chunk.
 * - `messages`: every language chunk, `of` "common" (the shared messages) or the element's tag.
 * - `pages`: per tag, a page with that element alone in its heaviest language: the loader, the
 *   element's chunk with its static imports, and the messages of one language it loads (the common
 *   ones and its own, with their static imports); `byLanguage` gives every language's total.
 *
 * @example
 * const sizes = embedSizes(readManifest('dist/embed/manifest.json'));
 * console.log(sizes.pages['wsc-event-card'].gzip);
 */
export function embedSizes(manifest) {
  const loader = { file: 'wsc.js', gzip: manifest.sizes['wsc.js']?.gzip ?? 0 };
  const elementFiles = new Set(Object.values(manifest.elements));
  const sharedFiles = new Set();
  for (const file of elementFiles)
    for (const imported of staticClosure(manifest, [file]))
      if (!elementFiles.has(imported)) sharedFiles.add(imported);
  const shared = { files: [...sharedFiles].sort(), gzip: gzipOf(manifest, sharedFiles) };
  const entryImports = (name) => {
    const entry = manifest.entries?.[name];
    const files = entry ? staticClosure(manifest, [entry]) : new Set();
    files.delete(entry);
    return files;
  };
  const vendorFiles = entryImports('vendor');
  const runtimeFiles = new Set([...entryImports('runtime')].filter((file) => !vendorFiles.has(file)));
  const vendor = { files: [...vendorFiles].sort(), gzip: gzipOf(manifest, vendorFiles) };
  const runtime = { files: [...runtimeFiles].sort(), gzip: gzipOf(manifest, runtimeFiles) };

  const elements = Object.fromEntries(
    Object.entries(manifest.elements).map(([tag, file]) => [tag, { file, gzip: gzipOf(manifest, [file]) }]),
  );

  // Whose messages a chunk holds: the element whose chunk imports it, else the shared ones ("common").
  const tagOf = Object.fromEntries(Object.entries(manifest.elements).map(([tag, file]) => [file, tag]));
  const ownerOf = (messagesFile) => {
    const importer = Object.keys(manifest.imports).find((chunk) =>
      manifest.imports[chunk].dynamic.includes(messagesFile),
    );
    return (importer && tagOf[importer]) ?? 'common';
  };
  const messages = Object.keys(manifest.sizes)
    .filter((file) => messagesLanguage(file))
    .map((file) => ({
      file,
      lang: messagesLanguage(file),
      of: ownerOf(file),
      gzip: manifest.sizes[file].gzip,
    }))
    .sort((a, b) => a.of.localeCompare(b.of) || LANGUAGES.indexOf(a.lang) - LANGUAGES.indexOf(b.lang));

  const pages = {};
  for (const [tag, file] of Object.entries(manifest.elements)) {
    const code = staticClosure(manifest, [file]);
    const byLanguage = {};
    for (const lang of LANGUAGES) {
      // The messages chunks of `lang` that the element's code imports dynamically (common and own).
      const languageChunks = [...code]
        .flatMap((chunk) => manifest.imports[chunk]?.dynamic ?? [])
        .filter((chunk) => messagesLanguage(chunk) === lang);
      const files = new Set([loader.file, ...code, ...staticClosure(manifest, languageChunks)]);
      byLanguage[lang] = { gzip: gzipOf(manifest, files), messages: languageChunks };
    }
    const [lang, heaviest] = Object.entries(byLanguage).reduce((max, entry) =>
      entry[1].gzip > max[1].gzip ? entry : max,
    );
    pages[tag] = { lang, gzip: heaviest.gzip, byLanguage };
  }
  return { loader, vendor, runtime, shared, elements, messages, pages };
}

/**
 * Compares the sizes with the "embed" budgets of .ci/size-budgets.json; answers one row per
 * check (`what`, `bytes`, `budget`, `ok`). `element` and `page` hold for every element but those
 * `elements` and `pages` name (the map: its chunk may be 13 KB larger, so may its page).
 *
 * @example
 * const rows = embedBudgetRows(sizes, budgets.embed);
 * const failed = rows.filter((row) => !row.ok);
 */
export function embedBudgetRows(sizes, budgets) {
  const row = (what, bytes, budget) => ({ what, bytes, budget, ok: bytes <= budget });
  const elementBudget = (tag) => budgets.elements?.[tag] ?? budgets.element;
  const pageBudget = (tag) => budgets.pages?.[tag] ?? budgets.page;
  return [
    row(`loader ${sizes.loader.file}`, sizes.loader.gzip, budgets.loader),
    row(
      `shared chunk of lit, SDK and models ${sizes.vendor.files.join(' ')}`,
      sizes.vendor.gzip,
      budgets.shared,
    ),
    row(`widgets runtime ${sizes.runtime.files.join(' ')}`, sizes.runtime.gzip, budgets.runtime),
    ...Object.entries(sizes.elements).map(([tag, { file, gzip }]) =>
      row(`element <${tag}> ${file}`, gzip, elementBudget(tag)),
    ),
    ...sizes.messages.map(({ file, lang, of, gzip }) =>
      row(`messages ${lang} ${of === 'common' ? 'common' : `<${of}>`} ${file}`, gzip, budgets.messages),
    ),
    ...Object.entries(sizes.pages).map(([tag, { lang, gzip }]) =>
      row(`page with one <${tag}> (loader + chunks + ${lang} messages)`, gzip, pageBudget(tag)),
    ),
  ];
}

/** The rows as an aligned text table. */
export function formatTable(rows) {
  const header = { what: 'embed file or page (gzip -9)', bytes: 'bytes', budget: 'budget', verdict: '' };
  const lines = [header, ...rows.map((row) => ({ ...row, verdict: row.ok ? 'ok' : 'OVER BUDGET' }))];
  const width = Math.max(...lines.map((line) => line.what.length));
  return lines
    .map(
      (line) =>
        `${line.what.padEnd(width)}  ${String(line.bytes).padStart(6)}  ${String(line.budget).padStart(6)}  ${line.verdict}`,
    )
    .join('\n');
}

/** The package (or widgets folder) an esbuild input belongs to. */
function ownerOf(input) {
  if (input.startsWith('<define:')) return 'build-time constants';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dependency) return dependency[1];
  const workspace = /(?:^|\/)(models|sdk)\/dist\//.exec(input);
  if (workspace) return `@wsc/${workspace[1]}`;
  const own = /src\/([^/]+)\//.exec(input);
  return own ? `@wsc/widgets src/${own[1]}` : input;
}

/**
 * What takes the bytes of the shared chunks: minified bytes per package, from esbuild's metafile
 * of the embed build (dist/embed-metafile.json). Minified, not gzip: gzip does not split by input.
 *
 * @example
 * sharedBreakdown(metafile, sizes.shared.files); // [['axios', 58697], ['zod', 24272], …]
 */
export function sharedBreakdown(metafile, sharedFiles) {
  const byOwner = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!sharedFiles.some((shared) => file.endsWith(`dist/embed/${shared}`))) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner = ownerOf(input);
      byOwner[owner] = (byOwner[owner] ?? 0) + bytesInOutput;
    }
  }
  return Object.entries(byOwner)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
}
