// VitePress leaves an `<!--@include: …-->` whose file or region it cannot find as an invisible
// comment: the page then silently lacks the text. These check and expand includes the way VitePress
// reads them (a path relative to the page, or to the site's root when it starts with `@/`, and an
// optional #region of `<!-- #region name -->` markers).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const INCLUDE = /<!--\s*@include:\s*(.*?)\s*-->/g;

/** docs/, what `@/` names in an include (VitePress' source folder). */
const SITE = fileURLToPath(new URL('..', import.meta.url));

/**
 * The text between `<!-- #region name -->` and `<!-- #endregion name -->`, or undefined.
 * @param {string} text
 * @param {string} name
 */
function region(text, name) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^\\s*<!--\\s*#region ${name}\\s*-->\\s*$`).test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex(
    (line, index) => index > start && new RegExp(`^\\s*<!--\\s*#endregion ${name}\\s*-->\\s*$`).test(line),
  );
  return end < 0 ? undefined : lines.slice(start + 1, end).join('\n');
}

/**
 * @param {string} page the Markdown file holding the include
 * @param {string} target `../packages/x/README.md#region` or `@/parts/performance-report.md#results`
 * @param {string} site the folder `@/` names
 * @returns {{ text?: string, problem?: string }}
 */
function resolveInclude(page, target, site) {
  const [path = '', name] = target.split('#');
  const file = path.startsWith('@') ? join(site, path.replace(/^@\/?/, '')) : join(dirname(page), path);
  if (!existsSync(file)) return { problem: `${target}: no such file` };
  const text = readFileSync(file, 'utf8');
  if (!name) return { text };
  const part = region(text, name);
  return part === undefined ? { problem: `${target}: no region "${name}" in ${path}` } : { text: part };
}

/**
 * Includes that VitePress would silently drop, as `page: problem` lines.
 * @param {string[]} pages Markdown files
 * @param {string} root the site's folder: `@/` in an include, and what the pages are named relative to
 * @example
 * includeProblems(['docs/embedding.md'], 'docs'); // [] when every include resolves
 */
export function includeProblems(pages, root) {
  /** @type {string[]} */
  const problems = [];
  for (const page of pages) {
    for (const [, target = ''] of readFileSync(page, 'utf8').matchAll(INCLUDE)) {
      const { problem } = resolveInclude(page, target, root);
      if (problem) problems.push(`${relative(root, page)}: ${problem}`);
    }
  }
  return problems;
}

/**
 * A page's Markdown with its includes replaced by what they include (one level, as the guides use).
 * @param {string} page
 * @param {string} [site] the folder `@/` names; docs/ by default
 */
export function expandIncludes(page, site = SITE) {
  return readFileSync(page, 'utf8').replace(
    INCLUDE,
    (comment, target) => resolveInclude(page, target, site).text ?? comment,
  );
}
