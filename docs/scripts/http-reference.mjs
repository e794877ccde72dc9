// The HTTP reference pages (http/*.md), generated from the OpenAPI document the server itself
// serves at /openapi.json, and from the problem catalogue of @wsc/models: one page per tag with every
// operation's parameters, body, answers and problem codes.
import { cell, code, escapeText, slug, table } from './markdown.mjs';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const PROBLEM_BASE = 'https://worldsmartcity.org/problems/';

/**
 * @typedef {Record<string, any>} Schema
 * @typedef {{ status: number, title: string, meaning: string }} ProblemType
 */

/**
 * Follows a local `$ref` (`#/components/parameters/AcceptLanguage`).
 * @param {Schema} document
 * @param {Schema} node
 * @returns {Schema}
 */
function resolve(document, node) {
  if (!node || typeof node.$ref !== 'string') return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((/** @type {Schema} */ value, key) => value?.[key], document);
}

/**
 * A JSON Schema written as a compact TypeScript-like type, for reading rather than validating.
 * @param {Schema} document
 * @param {Schema | undefined} schema
 * @param {number} [depth]
 * @returns {string}
 */
export function typeOf(document, schema, depth = 0) {
  if (!schema) return 'unknown';
  const node = resolve(document, schema);
  const indent = '  '.repeat(depth);
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  for (const combinator of ['anyOf', 'oneOf']) {
    if (Array.isArray(node[combinator])) {
      const members = [
        ...new Set(node[combinator].map((/** @type {Schema} */ member) => typeOf(document, member, depth))),
      ];
      return members.join(' | ');
    }
  }
  if (Array.isArray(node.allOf)) {
    return node.allOf.map((/** @type {Schema} */ member) => typeOf(document, member, depth)).join(' & ');
  }
  if (Array.isArray(node.type)) {
    return node.type
      .map((/** @type {string} */ type) =>
        type === 'null' ? 'null' : typeOf(document, { ...node, type }, depth),
      )
      .join(' | ');
  }
  switch (node.type) {
    case 'string':
      return node.format ? `string (${node.format})` : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = typeOf(document, node.items, depth);
      return /[|&\s]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
    case undefined: {
      const properties = Object.entries(node.properties ?? {});
      if (properties.length === 0) {
        return node.additionalProperties && typeof node.additionalProperties === 'object'
          ? `Record<string, ${typeOf(document, node.additionalProperties, depth)}>`
          : node.type === 'object'
            ? 'object'
            : 'unknown';
      }
      const required = new Set(node.required ?? []);
      const lines = properties.map(
        ([name, property]) =>
          `${indent}  ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${typeOf(document, property, depth + 1)};`,
      );
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    default:
      return String(node.type);
  }
}

/**
 * The problem slugs an answer declares (`properties.type.enum` of its problem schema).
 * @param {Schema} document
 * @param {Schema} response
 * @returns {string[]}
 */
function problemSlugs(document, response) {
  const content = resolve(document, response).content ?? {};
  const schema = content['application/problem+json']?.schema;
  const types = schema?.properties?.type?.enum ?? [];
  return types.map((/** @type {string} */ type) => type.replace(PROBLEM_BASE, ''));
}

/**
 * @param {Schema} document
 * @param {string} method
 * @param {string} path
 * @param {Schema} operation
 * @param {Schema[]} pathParameters
 */
function operationSection(document, method, path, operation, pathParameters) {
  const lines = [`## ${escapeText(operation.summary ?? `${method.toUpperCase()} ${path}`)}`, ''];
  lines.push('```http', `${method.toUpperCase()} ${path}`, '```', '');
  if (operation.description) lines.push(escapeText(operation.description), '');

  const security = (operation.security ?? document.security ?? [])
    .map((/** @type {Record<string, string[]>} */ requirement) => Object.keys(requirement))
    .map((/** @type {string[]} */ names) =>
      names.length ? names.map((name) => `\`${name}\``).join(' + ') : 'anyone',
    );
  if (security.length) lines.push(`**Who may call it:** ${[...new Set(security)].join(', or ')}.`, '');

  const parameters = [...pathParameters, ...(operation.parameters ?? [])].map((parameter) =>
    resolve(document, parameter),
  );
  if (parameters.length) {
    lines.push(
      '**Parameters**',
      '',
      table(
        ['name', 'in', 'type', 'required', 'meaning'],
        parameters.map((parameter) => {
          const schema = resolve(document, parameter.schema ?? {});
          const type = typeOf(document, schema).replace(/\s+/g, ' ');
          const defaultValue =
            schema.default === undefined ? '' : ` (default ${code(JSON.stringify(schema.default))})`;
          return [
            code(parameter.name),
            parameter.in,
            code(type),
            parameter.required ? 'yes' : '',
            `${cell(parameter.description ?? schema.description)}${defaultValue}`,
          ];
        }),
      ),
      '',
    );
  }

  const body = resolve(document, operation.requestBody);
  if (body?.content) {
    for (const [mediaType, content] of Object.entries(body.content)) {
      lines.push(`**Body** (\`${mediaType}\`${body.required ? '' : ', optional'})`, '');
      if (body.description) lines.push(escapeText(body.description), '');
      lines.push('```ts', typeOf(document, content.schema), '```', '');
    }
  }

  lines.push('**Answers**', '');
  /** @type {string[][]} */
  const rows = [];
  /** @type {[string, Schema][]} */
  const successes = [];
  for (const [status, rawResponse] of Object.entries(operation.responses ?? {})) {
    const response = resolve(document, rawResponse);
    const slugs = problemSlugs(document, response);
    const what = slugs.length
      ? slugs.map((problem) => `[\`${problem}\`](./problems#${problem})`).join(', ')
      : cell(response.description);
    rows.push([`\`${status}\``, what]);
    if (!slugs.length && response.content) successes.push([status, response]);
  }
  lines.push(table(['status', 'answer'], rows), '');
  for (const [status, response] of successes) {
    for (const [mediaType, content] of Object.entries(response.content)) {
      if (!content.schema) continue;
      lines.push(`\`${status}\` \`${mediaType}\`:`, '', '```ts', typeOf(document, content.schema), '```', '');
    }
  }
  return lines.join('\n');
}

/**
 * The pages of the HTTP reference: `index.md`, one page per tag, and `problems.md`.
 * @param {Schema} document the OpenAPI 3.1 document
 * @param {Record<string, ProblemType>} problemTypes `PROBLEM_TYPES` of `@wsc/models/problems`
 * @returns {Map<string, string>} file name → Markdown
 * @example
 * const pages = httpReference(app.swagger(), PROBLEM_TYPES);
 * pages.get('pain-points.md'); // '# Pain points…'
 */
export function httpReference(document, problemTypes) {
  /** @type {Map<string, { method: string, path: string, operation: Schema, pathParameters: Schema[] }[]>} */
  const byTag = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      const operations = byTag.get(tag) ?? [];
      operations.push({ method, path, operation, pathParameters: item.parameters ?? [] });
      byTag.set(tag, operations);
    }
  }
  if (byTag.size === 0) throw new Error('The OpenAPI document has no operation.');

  /** @type {Map<string, string>} */
  const pages = new Map();
  const title = (/** @type {string} */ tag) => tag.charAt(0).toUpperCase() + tag.slice(1);
  const tags = [...byTag.keys()];
  const schemes = Object.entries(document.components?.securitySchemes ?? {});
  pages.set(
    'index.md',
    [
      '# HTTP API',
      '',
      escapeText(document.info?.description ?? ''),
      '',
      `Version ${document.info?.version}. Generated at each build of this site from the OpenAPI document the server`,
      'serves at `/openapi.json` (its interactive reference is at `/docs` on every instance).',
      '',
      '## Credentials',
      '',
      table(
        ['name', 'how', 'meaning'],
        schemes.map(([name, scheme]) => [
          code(name),
          scheme.type === 'apiKey'
            ? `${scheme.in} \`${scheme.name}\``
            : `\`${scheme.type}\` ${scheme.scheme ?? ''}`,
          cell(scheme.description),
        ]),
      ),
      '',
      '## Resources',
      '',
      table(
        ['resource', 'operations'],
        tags.map((tag) => [
          `[${title(tag)}](./${slug(tag)})`,
          (byTag.get(tag) ?? [])
            .map(({ method, path }) => code(`${method.toUpperCase()} ${path}`))
            .join(', '),
        ]),
      ),
      '',
      'Every failure is a problem document: the [problem types](./problems) lists them all.',
      '',
    ].join('\n'),
  );
  for (const tag of tags) {
    const sections = (byTag.get(tag) ?? []).map(({ method, path, operation, pathParameters }) =>
      operationSection(document, method, path, operation, pathParameters),
    );
    pages.set(`${slug(tag)}.md`, [`# ${title(tag)}`, '', ...sections].join('\n'));
  }

  const problems = Object.entries(problemTypes).sort(
    ([leftSlug, left], [rightSlug, right]) => left.status - right.status || leftSlug.localeCompare(rightSlug),
  );
  pages.set(
    'problems.md',
    [
      '# Problem types',
      '',
      'Every 4xx and 5xx answer is an RFC 9457 `application/problem+json` document whose `type` is',
      `\`${PROBLEM_BASE}<slug>\`; one slug always comes with the same status and title. The SDK reads the`,
      'slug as `WscError.code`. From `PROBLEM_TYPES` of `@wsc/models/problems`.',
      '',
      table(
        ['slug', 'status', 'title', 'meaning'],
        problems.map(([problem, entry]) => [
          `<span id="${problem}"></span>\`${problem}\``,
          String(entry.status),
          cell(entry.title),
          cell(entry.meaning),
        ]),
      ),
      '',
    ].join('\n'),
  );
  return pages;
}
