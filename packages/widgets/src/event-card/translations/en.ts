export const messages = {
  when: 'When',
  where: 'Where',
  seatsLeft: { one: '{count} seat left', other: '{count} seats left' },
  full: 'Full: new registrations join the waitlist.',
  registrationOpens: 'Registration opens {date}.',
  registrationOpenUntil: 'Registration is open until {date}.',
  registrationOpen: 'Registration is open.',
  registrationClosed: 'Registration is closed.',
} as const;

export type EventCardMessages = typeof messages;
