import * as z from 'zod/mini';

/**
 * zod/mini ships without messages ("Invalid input" for everything) to keep browser bundles small.
 * The server is not a browser: load the English messages once, so a problem document's `errors[]`
 * says what was expected ("Invalid option: expected one of …", "Too small: …").
 */
export function useEnglishValidationMessages(): void {
  z.config(z.locales.en());
}
