export const messages = {
  when: 'When',
  where: 'Where',
} as const;

export type EventCardMessages = typeof messages;
