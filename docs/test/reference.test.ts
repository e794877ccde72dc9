// The generated reference pages say everything their sources declare: every element's attributes,
// events, parts and custom properties from the manifest, and every operation, parameter and problem
// type from the OpenAPI document of a real server, in text VitePress can compile.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PROBLEM_TYPES } from '@wsc/models/problems';
import { createDatabase, createServer } from '@wsc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customElements,
  elementReference,
  LIVE_EXAMPLES,
  type Manifest,
} from '../scripts/elements-reference.mjs';
import { httpReference, typeOf } from '../scripts/http-reference.mjs';
import { escapeText } from '../scripts/markdown.mjs';

const require = createRequire(import.meta.url);
const manifestFile = join(dirname(require.resolve('@wsc/widgets/package.json')), 'custom-elements.json');

describe('escapeText', () => {
  it('keeps code spans and turns what Vue or HTML would read into entities', () => {
    expect(escapeText('https://x/problems/<slug> {{ id }} and `<wsc-config> {{ kept }}`')).toBe(
      'https://x/problems/&#60;slug&#62; &#123;&#123; id &#125;&#125; and `<wsc-config> {{ kept }}`',
    );
  });
});

describe('the element reference', () => {
  if (!existsSync(manifestFile))
    throw new Error(`No ${manifestFile}: run \`npm run build\` in packages/widgets.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;

  it('has a page per element listing its attributes, events, parts and custom properties', () => {
    const pages = elementReference(manifest);
    const elements = customElements(manifest);
    expect(elements.length).toBeGreaterThanOrEqual(8);
    for (const element of elements) {
      const page = pages.get(`${element.tagName}.md`) ?? '';
      expect(pages.get('index.md')).toContain(`(./${element.tagName})`);
      for (const attribute of element.attributes ?? [])
        expect(page, attribute.name).toContain(`\`${attribute.name}\``);
      for (const event of (element.events ?? []).filter((candidate) => candidate.description))
        expect(page, event.name).toContain(`\`${event.name}\``);
      for (const part of element.cssParts ?? []) expect(page, part.name).toContain(`\`${part.name}\``);
      for (const property of element.cssProperties ?? [])
        expect(page, property.name).toContain(`\`${property.name}\``);
    }
  });

  it('shows each live example with attributes its element declares', () => {
    const byTag = new Map(customElements(manifest).map((element) => [element.tagName, element]));
    for (const [tag, attributes] of Object.entries(LIVE_EXAMPLES)) {
      const declared = (byTag.get(tag)?.attributes ?? []).map((attribute) => attribute.name);
      expect(byTag.has(tag), tag).toBe(true);
      for (const [, name] of attributes.matchAll(/([a-z-]+)="/g))
        expect(declared, `${tag} ${name}`).toContain(name);
      expect(elementReference(manifest).get(`${tag}.md`)).toContain('<LiveWidgets />');
    }
  });

  it('refuses a manifest without elements rather than publishing an empty reference', () => {
    expect(() => elementReference({ modules: [] })).toThrow(/no element/);
  });
});

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name?: string }[] }>>;
}

describe('the HTTP reference', () => {
  let document: OpenApiDocument;
  let pages: Map<string, string>;

  beforeAll(async () => {
    const database = await createDatabase({ inMemory: true });
    const app = await createServer({ database, seed: false, logLevel: 'silent', rateLimit: false });
    try {
      await app.ready();
      document = app.swagger() as unknown as OpenApiDocument;
    } finally {
      await app.close();
      await database.close();
    }
    pages = httpReference(document as unknown as Record<string, unknown>, PROBLEM_TYPES);
  });

  it('documents every operation of the OpenAPI document with its parameters', () => {
    const text = [...pages.values()].join('\n');
    let operations = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
        operations += 1;
        expect(text).toContain(`${method.toUpperCase()} ${path}\n`);
        for (const parameter of operation.parameters ?? []) {
          if (parameter.name) expect(text, `${path} ${parameter.name}`).toContain(`\`${parameter.name}\``);
        }
      }
    }
    expect(operations).toBeGreaterThan(50);
  });

  it('links every problem an operation answers to the problem types page, which lists them all', () => {
    const problems = pages.get('problems.md') ?? '';
    for (const slug of Object.keys(PROBLEM_TYPES))
      expect(problems).toContain(`<span id="${slug}"></span>\`${slug}\``);
    const linked = [...[...pages.values()].join('\n').matchAll(/\(\.\/problems#([a-z-]+)\)/g)].map(
      (match) => match[1],
    );
    expect(linked.length).toBeGreaterThan(100);
    for (const slug of linked) expect(PROBLEM_TYPES).toHaveProperty(slug as string);
  });

  it('writes schemas as readable types', () => {
    expect(
      typeOf(document as unknown as Record<string, unknown>, {
        type: 'object',
        required: ['data'],
        properties: {
          data: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
          nextCursor: { type: ['string', 'null'] },
        },
      }),
    ).toBe('{\n  data: ("a" | "b")[];\n  nextCursor?: string | null;\n}');
  });
});
