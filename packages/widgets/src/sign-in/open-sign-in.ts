import type { WscClient } from '@wsc/sdk';

/**
 * Opens the community's sign-in and join dialog over `host` and resolves true once the reader
 * signed in (the token then lives in memory through `setSessionToken`), false when they closed it.
 * TEMPORARY: the dialog is being built (issue #15); until then it resolves false.
 */
export async function openSignIn(_host: HTMLElement, _client: WscClient): Promise<boolean> {
  return false;
}
