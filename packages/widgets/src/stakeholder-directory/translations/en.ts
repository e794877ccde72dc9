export const messages = {
  heading: 'Stakeholders',
  searchLabel: 'Name, city or biography',
  search: 'Search',
  role: 'Role',
  country: 'Country',
  organization: 'Organisation',
  empty: 'No stakeholder matches this search.',
  shown: { one: '{count} stakeholder shown', other: '{count} stakeholders shown' },
  place: '{city}, {country}',
} as const;

export type StakeholderDirectoryMessages = typeof messages;
