// The element reference pages (elements/*.md), generated from the widgets' custom-elements manifest
// (packages/widgets/custom-elements.json, written from the elements' JSDoc by their build), so the
// documentation says what the code declares and cannot drift from it.
import { cell, code, escapeText, table } from './markdown.mjs';

/**
 * @typedef {{ name: string, description?: string, type?: { text: string }, default?: string, fieldName?: string }} ManifestAttribute
 * @typedef {{ name: string, description?: string, type?: { text: string }, inheritedFrom?: object }} ManifestEvent
 * @typedef {{ name: string, description?: string }} ManifestNamed
 * @typedef {{ kind: string, name: string, description?: string, type?: { text: string }, attribute?: string, privacy?: string, static?: boolean, readonly?: boolean, inheritedFrom?: object }} ManifestMember
 * @typedef {{ kind: string, name: string, tagName?: string, summary?: string, description?: string, attributes?: ManifestAttribute[], events?: ManifestEvent[], cssParts?: ManifestNamed[], cssProperties?: ManifestNamed[], slots?: ManifestNamed[], members?: ManifestMember[] }} ManifestDeclaration
 * @typedef {{ modules: { path: string, declarations?: ManifestDeclaration[] }[] }} Manifest
 */

/**
 * The custom elements a manifest declares, by tag name.
 * @param {Manifest} manifest
 * @returns {ManifestDeclaration[]}
 */
export function customElements(manifest) {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((left, right) => String(left.tagName).localeCompare(String(right.tagName)));
}

/**
 * The attributes each element is shown live with on its page (the seeded event for the event
 * elements); elements that a page does not place itself (the detail, the sign-in dialog) are not shown.
 * @type {Record<string, string>}
 */
export const LIVE_EXAMPLES = {
  'wsc-pain-point-board': 'page-size="3"',
  'wsc-pain-point-form': '',
  'wsc-standards-finder': 'page-size="3"',
  'wsc-coverage-chart': '',
  'wsc-pain-point-map': '',
  'wsc-event-card': 'event="world-smart-city-forum-2016"',
  'wsc-event-registration': 'event="world-smart-city-forum-2016"',
  'wsc-stakeholder-directory': 'page-size="3"',
  'wsc-mail-preferences': '',
};

/** @param {ManifestDeclaration} element */
function elementPage(element) {
  const tag = /** @type {string} */ (element.tagName);
  const sections = [`# \`<${tag}>\``, ''];
  if (element.summary) sections.push(escapeText(element.summary.trim()), '');
  if (element.description) sections.push(escapeText(element.description.trim()), '');
  sections.push(
    `Class \`${element.name}\`, defined by the embed script when the tag is on the page, or by \`import '@wsc/widgets/elements/${tag.replace(/^wsc-/, '')}'\`.`,
    '',
  );
  const example = LIVE_EXAMPLES[tag];
  if (example !== undefined) {
    const html = `<${tag}${example ? ` ${example}` : ''}></${tag}>`;
    sections.push('## Live', '', '```html', html, '```', '', '<LiveWidgets />', '', html, '');
  }

  const attributes = element.attributes ?? [];
  sections.push('## Attributes', '');
  sections.push(
    attributes.length
      ? table(
          ['attribute', 'type', 'default', 'meaning'],
          attributes.map((attribute) => [
            code(attribute.name),
            attribute.type ? code(attribute.type.text) : '',
            attribute.default ? code(attribute.default) : '',
            cell(attribute.description),
          ]),
        )
      : 'None.',
    '',
  );

  const properties = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.privacy &&
      !member.static &&
      !member.attribute &&
      !member.name.startsWith('#'),
  );
  if (properties.length) {
    sections.push(
      '## Properties without an attribute',
      '',
      table(
        ['property', 'type', 'meaning'],
        properties.map((property) => [
          code(property.name),
          property.type ? code(property.type.text) : '',
          cell(property.description),
        ]),
      ),
      '',
    );
  }

  // The analyzer also lists `type` of the base class's dispatch helper: only documented events count.
  const events = (element.events ?? []).filter((event) => event.description);
  sections.push('## Events', '');
  sections.push(
    events.length
      ? `${table(
          ['event', 'when'],
          events.map((event) => [code(event.name), cell(event.description)]),
        )}\n\nEvents bubble out of the shadow root (\`composed\`); their types are in \`HTMLElementEventMap\`.`
      : 'None.',
    '',
  );

  const slots = element.slots ?? [];
  if (slots.length) {
    sections.push(
      '## Slots',
      '',
      table(
        ['slot', 'content'],
        slots.map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
      ),
      '',
    );
  }

  const parts = element.cssParts ?? [];
  sections.push('## Parts', '');
  sections.push(
    parts.length
      ? `${table(
          ['part', 'what'],
          parts.map((part) => [code(part.name), cell(part.description)]),
        )}\n\nStyle them from the page with \`${tag}::part(name)\`.`
      : 'None.',
    '',
  );

  const cssProperties = element.cssProperties ?? [];
  sections.push('## CSS custom properties', '');
  sections.push(
    cssProperties.length
      ? table(
          ['property', 'what'],
          cssProperties.map((property) => [code(property.name), cell(property.description)]),
        )
      : 'None.',
    '',
  );
  return sections.join('\n');
}

/**
 * The pages of the element reference: `index.md` and one `<tag>.md` per element.
 * @param {Manifest} manifest
 * @returns {Map<string, string>} file name → Markdown
 * @example
 * const pages = elementReference(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
 * pages.get('wsc-event-card.md'); // '# `<wsc-event-card>`…'
 */
export function elementReference(manifest) {
  const elements = customElements(manifest);
  if (elements.length === 0) throw new Error('The custom-elements manifest declares no element.');
  /** @type {Map<string, string>} */
  const pages = new Map();
  const index = [
    '# Elements',
    '',
    'Every element of `@wsc/widgets`, generated from its custom-elements manifest at each build of this site.',
    'The [embedding guide](../embedding) shows them on a page; each element below lists its attributes,',
    'events, parts and CSS custom properties.',
    '',
    table(
      ['element', 'what it shows'],
      elements.map((element) => [
        `[\`<${element.tagName}>\`](./${element.tagName})`,
        cell(element.summary?.split(/\.\s/)[0]),
      ]),
    ),
    '',
  ].join('\n');
  pages.set('index.md', index);
  for (const element of elements) pages.set(`${element.tagName}.md`, elementPage(element));
  return pages;
}
