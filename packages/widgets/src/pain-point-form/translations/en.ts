export const messages = {
  heading: 'Report a pain point',
  requiredNote: 'Fields marked with * are required.',
  title: 'Title',
  titleHint: 'One line that names the difficulty.',
  description: 'Description',
  descriptionHint: 'What happens, where, and whom it affects.',
  language: 'Language of your text',
  domain: 'Domain',
  chooseDomain: 'Choose a domain',
  severity: 'Severity',
  city: 'City',
  country: 'Country',
  noCountry: 'No country',
  submit: 'Report the pain point',
  sending: 'Sending…',
  created: 'Thank you: your pain point is reported.',
  createdHint: 'Members can now vote on it and discuss it.',
  reportAnother: 'Report another pain point',
} as const;

export type PainPointFormMessages = typeof messages;
