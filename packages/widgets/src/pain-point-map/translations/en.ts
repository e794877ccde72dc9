export const messages = {
  title: 'Pain points by country',
  mapLabel: 'World map of pain points by country',
  keyboardHint:
    'Move between the countries that have pain points with the arrow keys; press Enter to choose one.',
  countryPainPoints: { one: '{country}: {count} pain point', other: '{country}: {count} pain points' },
  painPoints: { one: '{count} pain point', other: '{count} pain points' },
  legendTitle: 'Pain points per country',
  legendNone: 'None',
  legendRange: '{from}–{to}',
  tableCaption: 'Pain points by country, most first',
  columnCountry: 'Country',
  columnCount: 'Pain points',
  withoutCountry: {
    one: '{count} pain point names no country.',
    other: '{count} pain points name no country.',
  },
  mapUnavailable: 'The map could not be loaded. The table below lists every country.',
} as const;

export type PainPointMapMessages = typeof messages;
