import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

// Bundlers keep a top-level `const X = z.string().check(…)` even when nothing imports X: they
// cannot know that building a schema has no side effect, and zod's `@__NO_SIDE_EFFECTS__` marks
// neither reach esbuild across modules nor cover method chains such as `.check(…)`. So an
// SDK that needs 20 response schemas shipped all 130. Writing `/* @__PURE__ */` by hand on every
// link of every chain is noisy and easy to forget; this plugin annotates the schema modules at
// build time instead. It relies on the rule those modules already follow (the package declares
// `"sideEffects": false`): a top-level constant only builds a value.

const SCHEMA_MODULE = /from ['"]zod\/mini['"]/;

/**
 * Wraps the initializer of every top-level `const` that calls something in a pure IIFE, so that
 * browser bundles drop the schemas they do not import.
 *
 * @example
 * annotatePureConstants('export const A = z.string().check(z.minLength(1));', 'a.ts');
 * // 'export const A = /* @__PURE__ *\/ (() => (z.string().check(z.minLength(1))))();'
 */
export function annotatePureConstants(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ranges: { start: number; end: number }[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer;
      if (initializer && callsSomething(initializer)) {
        ranges.push({ start: initializer.getStart(file), end: initializer.getEnd() });
      }
    }
  }
  let result = source;
  for (const { start, end } of ranges.reverse()) {
    result = `${result.slice(0, start)}/* @__PURE__ */ (() => (${result.slice(start, end)}))()${result.slice(end)}`;
  }
  return result;
}

/** Whether evaluating `node` calls a function (bodies of functions it defines do not count). */
function callsSomething(node: ts.Node): boolean {
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node))
    return true;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return false;
  return ts.forEachChild(node, (child) => (callsSomething(child) ? true : undefined)) ?? false;
}

/**
 * esbuild plugin for tsup: annotates the modules that import `zod/mini`.
 *
 * @example
 * export default defineConfig({ esbuildPlugins: [pureSchemas()] });
 */
export function pureSchemas(): Plugin {
  return {
    name: 'pure-schemas',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!SCHEMA_MODULE.test(source)) return undefined;
        return { contents: annotatePureConstants(source, path), loader: 'ts' };
      });
    },
  };
}
