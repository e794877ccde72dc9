import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Folder dependencies run one way: a folder of src/ (a feature, or a layer such as http/ or
// database/) may import another only if that one never imports it back, directly or through
// others. Where two folders need the same rule, it moves down to a place both can import.
// Type-only imports count: a type pulled from a feature above ties the two as surely as a value.
// Test code is left out (tests, fixtures, test servers and clients): it sits above everything and
// may reach anywhere. The top-level files (app.ts, features.ts, config.ts…) are nodes of their own.

const sourceRoot = path.dirname(fileURLToPath(import.meta.url));

const TEST_CODE = /(\.test\.ts|\.test-d\.ts|\/fixtures\.ts|\/test-[^/]*\.ts|\/every-kind-of-object\.ts)$/;
const RELATIVE_IMPORT = /^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Every production source file under `folder`, as paths relative to src/ with `/` separators. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) =>
      path.relative(sourceRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => !TEST_CODE.test(`/${file}`));
}

/** The node a file belongs to: its top-level folder, or the top-level file itself. */
function nodeOf(file: string): string {
  const [first, ...rest] = file.split('/');
  return rest.length > 0 ? `${first}/` : (first ?? file).replace(/\.ts$/, '');
}

/** node → node it imports → the import lines that make the edge (`file → specifier`). */
function folderImportGraph(files: readonly string[], read: (file: string) => string) {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const text = read(file);
    const from = nodeOf(file);
    for (const match of [...text.matchAll(RELATIVE_IMPORT), ...text.matchAll(SIDE_EFFECT_IMPORT)]) {
      const specifier = match[1] as string;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const to = nodeOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${specifier}`]);
    }
  }
  return graph;
}

/**
 * One cycle through each group of nodes that reach one another (Tarjan's strongly connected
 * components), written `a/ → b/ → a/` with the import lines of each step.
 */
function findCycles(graph: Map<string, Map<string, string[]>>): string[] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) as number, lowLink.get(next) as number));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) as number, index.get(next) as number));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => describeCycle(graph, component));
}

/** The shortest way from the component's first node back to itself, step by step. */
function describeCycle(graph: Map<string, Map<string, string[]>>, component: string[]): string {
  const start = component[0] as string;
  const members = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  let end: string | undefined;
  while (queue.length > 0 && end === undefined) {
    const node = queue.shift() as string;
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        end = node;
        break;
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  const path: string[] = [end as string];
  while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
  path.push(start);
  const steps = path.slice(1).map((node, step) => {
    const from = path[step] as string;
    const lines = graph.get(from)?.get(node) ?? [];
    return `  ${from} → ${node}: ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? ` (+${lines.length - 3})` : ''}`;
  });
  return [`${path.join(' → ')} (all of: ${component.join(' ')})`, ...steps].join('\n');
}

describe('architecture', () => {
  test('folders of src/ import one another one way only (no cycle between top-level folders)', () => {
    const files = sourceFiles(sourceRoot);
    expect(files.length).toBeGreaterThan(100);
    const graph = folderImportGraph(files, (file) => readFileSync(path.join(sourceRoot, file), 'utf8'));
    const cycles = findCycles(graph);
    expect(cycles, `Import cycles between folders:\n${cycles.join('\n\n')}`).toEqual([]);
  });

  test('services, repositories and views know nothing of HTTP: they raise DomainError, the edge answers', () => {
    // The HTTP edge (routes, hooks, http/) turns a DomainError into a problem document; a rule
    // that imported http/ could start writing answers itself.
    const rules = sourceFiles(sourceRoot).filter((file) =>
      /(^|\/|-)(service|repository|view)s?\.ts$/.test(path.posix.basename(file)),
    );
    expect(rules.length).toBeGreaterThan(20);
    const reachingHttp = rules.flatMap((file) => {
      const text = readFileSync(path.join(sourceRoot, file), 'utf8');
      return [...text.matchAll(RELATIVE_IMPORT)]
        .map((match) => match[1] as string)
        .filter((specifier) => path.posix.join(path.posix.dirname(file), specifier).startsWith('http/'))
        .map((specifier) => `${file} → ${specifier}`);
    });
    expect(reachingHttp).toEqual([]);
  });

  test('the check sees a cycle, type-only imports included, and names its steps', () => {
    const sources: Record<string, string> = {
      'votes/repository.ts': "import { trendingScore } from '../pain-points/trending';\n",
      'pain-points/service.ts': "import type { VoteRow } from '../votes/repository';\n",
      'pain-points/trending.ts': "import { problem } from '../http/problem';\n",
      'http/problem.ts': '',
    };
    const cycles = findCycles(folderImportGraph(Object.keys(sources), (file) => sources[file] as string));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toContain('pain-points/ → votes/ → pain-points/');
    expect(cycles[0]).toContain('pain-points/service.ts → ../votes/repository');
    expect(cycles[0]).not.toContain('http/');
  });
});
