// TypeDoc's settings for @wsc/widgets (read by the root `npm run docs`): the tags of the custom
// elements manifest (scripts/build-manifest.mjs) are known tags, not warnings.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: ['src/index.ts'],
  blockTags: [...OptionDefaults.blockTags, '@tagname', '@attr', '@slot', '@csspart', '@cssproperty'],
  // The elements' members inherited from LitElement point to Lit's own reference.
  externalSymbolLinkMappings: {
    '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
  },
};
