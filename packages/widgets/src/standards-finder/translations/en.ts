export const messages = {
  heading: 'Find standards',
  body: 'Standards body',
  joint: 'Joint (ISO/IEC)',
  domain: 'Domain',
  committee: 'Committee',
  committeeHint: 'Its full name, for example ISO/TC 268',
  words: 'Words',
  search: 'Search',
  shown: { one: 'One standard shown.', other: '{count} standards shown.' },
  empty: 'No standard matches this search.',
  bodyLabel: 'Body',
  statusLabel: 'Status',
  'status.published': 'Published',
  'status.under-development': 'Under development',
  'status.withdrawn': 'Withdrawn',
  addresses: 'Pain points it addresses',
  noPainPoints: 'No pain point is mapped to it yet.',
  morePainPoints: 'More pain points are mapped to it.',
  painPointsError: 'Its pain points could not be loaded.',
  votes: { one: 'one vote', other: '{count} votes' },
} as const;

export type StandardsFinderMessages = typeof messages;
