// An entry of the embed build only, never loaded by a page on its own: the libraries every
// element stands on (Lit, the SDK and the schemas it validates with). Naming them an entry puts
// them in a chunk of their own, apart from the widgets' own runtime (src/embed/runtime.ts): the
// budgets (.ci/size-budgets.json) count this chunk as "lit, SDK, models", as issue #15 sets it.

export { WscClient, WscError } from '@wsc/sdk';
export { css, html, LitElement, nothing, svg } from 'lit';
