import type { ProblemFieldError } from '@wsc/models';
import { type ValidationError, WscError } from '@wsc/sdk';
import type { CommonMessages } from '../translations/en';

type CommonKey = keyof CommonMessages & string;

/**
 * The shared message key saying what went wrong with a call, in words a reader understands.
 *
 * @example
 * html`<p role="alert">${this.i18n.t(errorMessageKey(error))}</p>`
 */
export function errorMessageKey(error: unknown): CommonKey {
  if (!WscError.is(error)) return 'error.generic';
  if (error.status === 0) return 'error.network';
  if (error.status === 401) return 'error.signInRequired';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound';
  if (error.status === 409 || error.status === 412) return 'error.conflict';
  if (error.status === 429) return 'error.rateLimited';
  return 'error.generic';
}

const FIELD_MESSAGES: Readonly<Record<string, CommonKey>> = {
  invalid_type: 'field.required',
  too_small: 'field.tooShort',
  too_big: 'field.tooLong',
  invalid_format: 'field.invalidFormat',
  invalid_string: 'field.invalidFormat',
  invalid_value: 'field.invalidChoice',
  invalid_enum_value: 'field.invalidChoice',
};

/**
 * The server's field errors of a failed write, keyed by field path (`title.en`, `city`). English
 * readers see the server's own words; other readers a message in their language chosen by the
 * error's code, since the server writes its field messages in English.
 */
export function fieldErrors(
  error: unknown,
  translate: (key: CommonKey) => string,
  language: string,
): Map<string, string> {
  const errors = new Map<string, string>();
  // Status, not instanceof: a second copy of the SDK on the page has its own classes.
  if (!WscError.is(error) || (error.status !== 400 && error.status !== 422)) return errors;
  const list: ProblemFieldError[] = (error as ValidationError).errors ?? [];
  for (const item of list) {
    if (errors.has(item.path)) continue;
    errors.set(
      item.path,
      language === 'en' ? item.message : translate(FIELD_MESSAGES[item.code ?? ''] ?? 'field.invalid'),
    );
  }
  return errors;
}
