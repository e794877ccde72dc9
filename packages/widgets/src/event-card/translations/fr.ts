import type { Translation } from '../../internal/i18n';
import type { EventCardMessages } from './en';

export const messages: Translation<EventCardMessages> = {
  when: 'Quand',
  where: 'Où',
  seatsLeft: {
    one: '{count} place restante',
    many: '{count} de places restantes',
    other: '{count} places restantes',
  },
  full: 'Complet : les nouvelles inscriptions rejoignent la liste d’attente.',
  registrationOpens: 'Les inscriptions ouvrent le {date}.',
  registrationOpenUntil: 'Inscriptions ouvertes jusqu’au {date}.',
  registrationOpen: 'Les inscriptions sont ouvertes.',
  registrationClosed: 'Les inscriptions sont closes.',
};
