// Messages every widget shares. Each widget adds its own in its folder's translations/.
import { en as labels } from '@wsc/models/locales/en';

export const messages = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  signIn: 'Sign in',
  signOut: 'Sign out',
  loadMore: 'Show more',
  noResults: 'Nothing to show yet.',
  // Between the parts of a place (venue, city, country).
  placeSeparator: ', ',
  allOption: 'All',
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The community cannot be reached. Check your connection and try again.',
  'error.rateLimited': 'Too many requests. Please wait a moment and try again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.notFound': 'This could not be found. It may have been removed.',
  'error.signInRequired': 'Please sign in to do this.',
  'error.conflict': 'This changed in the meantime. Reload and try again.',
  'field.required': 'This field is required.',
  'field.tooShort': 'This is too short.',
  'field.tooLong': 'This is too long.',
  'field.invalidFormat': 'This is not in the expected format.',
  'field.invalidChoice': 'Choose one of the options.',
  'field.invalid': 'Check this field.',
  'form.errorSummary': {
    one: 'One field needs your attention.',
    other: '{count} fields need your attention.',
  },
} as const;

/** The keys and shapes of the shared messages; every language's file must have exactly these. */
export type CommonMessages = typeof messages;
export { labels };
