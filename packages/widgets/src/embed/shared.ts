// An entry of the embed build only, never loaded by a page: every element imports this
// foundation, and naming it an entry makes esbuild put it in a shared chunk of its own even while
// one element alone uses it. So an element's chunk holds its own code only, whatever the number of
// elements, and the budgets (.ci/size-budgets.json) count the foundation once.
export * from '../internal/config';
export * from '../internal/define';
export * from '../internal/errors';
export * from '../internal/i18n';
export * from '../internal/styles';
export * from '../internal/wsc-element';
