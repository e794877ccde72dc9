// An entry of the embed build only, never loaded by a page on its own: the widgets' runtime every
// element imports (configuration, translator, base element, styles). Naming it an entry makes
// esbuild put it in a shared chunk of its own even while one element alone uses it, so an
// element's chunk holds its own code only, whatever the number of elements; the libraries under
// it are the vendor entry's (src/embed/vendor.ts).
export * from '../internal/config';
export * from '../internal/define';
export * from '../internal/errors';
export * from '../internal/i18n';
export * from '../internal/styles';
export * from '../internal/wsc-element';
