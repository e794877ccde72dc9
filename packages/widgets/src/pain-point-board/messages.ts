import { WscError } from '@wsc/sdk';
import { errorMessageKey } from '../internal/errors';
import type { TranslationLoaders } from '../internal/i18n';
import type { CommonMessages } from '../translations/en';
import type { PainPointBoardMessages } from './translations/en';

/** The board and its detail view share one set of messages, one chunk per language. */
export const boardTranslations: TranslationLoaders<PainPointBoardMessages> = {
  ar: () => import('./translations/ar'),
  zh: () => import('./translations/zh'),
  en: () => import('./translations/en'),
  fr: () => import('./translations/fr'),
  ru: () => import('./translations/ru'),
  es: () => import('./translations/es'),
};

/** The key both elements load their messages under, so each language is fetched once. */
export const BOARD_MESSAGES_TAG = 'wsc-pain-point-board';

/** A message of the board or a shared one. */
export type BoardMessageKey = (keyof PainPointBoardMessages | keyof CommonMessages) & string;

// Refusals the reader can act on get their own words; the rest the shared ones.
const REFUSALS: Readonly<Record<string, BoardMessageKey>> = {
  'duplicate-pain-point': 'duplicate',
  'own-comment': 'ownComment',
  'already-reported': 'alreadyReported',
  'discussion-locked': 'locked',
};

/**
 * What to tell the reader about a failed call of the board.
 *
 * @example
 * html`<p role="alert">${this.i18n.t(boardErrorKey(error))}</p>`
 */
export function boardErrorKey(error: unknown): BoardMessageKey {
  return (WscError.is(error) && REFUSALS[error.code ?? '']) || errorMessageKey(error);
}
