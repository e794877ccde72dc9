// Replaced by the package version when tsup builds (`define` in tsup.config.ts) and by vitest's
// `define` in tests, so no runtime reads package.json (browsers could not).
declare const __WSC_SDK_VERSION__: string | undefined;

/** The version of @wsc/sdk, as published (`0.0.0-dev` when the source runs unbuilt elsewhere). */
export const VERSION: string = typeof __WSC_SDK_VERSION__ === 'string' ? __WSC_SDK_VERSION__ : '0.0.0-dev';

/**
 * The `X-WSC-Client` value in Node (`@wsc/sdk/1.0.0 node/20.20.2`): lets the platform tell which
 * SDK versions its partners still run. Browsers send nothing (a custom header there would cost
 * every cross-origin call a preflight); undefined outside Node.
 *
 * @example
 * clientHeader(); // '@wsc/sdk/0.3.0 node/20.20.2'
 */
export function clientHeader(): string | undefined {
  const node = typeof process === 'object' && process !== null ? process.versions?.node : undefined;
  if (!node || typeof (globalThis as { window?: unknown }).window !== 'undefined') return undefined;
  return `@wsc/sdk/${VERSION} node/${node}`;
}
