export const messages = {
  heading: 'How well standards cover pain points',
  bodies: 'Standards body',
  joint: 'Joint (ISO/IEC)',
  allBodies: 'All standards bodies',
  oneBody: '{body} standards only',
  summary: {
    one: 'One open pain point: {full} fully covered, {partial} partly covered, {none} not covered.',
    other: '{count} open pain points: {full} fully covered, {partial} partly covered, {none} not covered.',
  },
  chartLabel: 'Coverage per domain, stacked bars. {body}. {summary}',
  legend: 'Key',
  showTable: 'Show as table',
  tableCaption: 'Open pain points per domain and coverage. {body}',
  domainColumn: 'Domain',
  totalColumn: 'Total',
  allDomains: 'All domains',
  empty: 'There is no open pain point to chart yet.',
  gapsHeading: 'Biggest gaps',
  gapsNote: 'Open pain points no standard fully covers, the most voted first, all bodies together.',
  votes: { one: 'one vote', other: '{count} votes' },
  unavailable: 'This pain point cannot be shown.',
} as const;

export type CoverageChartMessages = typeof messages;
