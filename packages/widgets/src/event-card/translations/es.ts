import type { Translation } from '../../internal/i18n';
import type { EventCardMessages } from './en';

export const messages: Translation<EventCardMessages> = {
  when: 'Cuándo',
  where: 'Dónde',
  seatsLeft: { one: 'Queda {count} plaza', many: 'Quedan {count} de plazas', other: 'Quedan {count} plazas' },
  full: 'Completo: las nuevas inscripciones pasan a la lista de espera.',
  registrationOpens: 'La inscripción abre el {date}.',
  registrationOpenUntil: 'La inscripción está abierta hasta el {date}.',
  registrationOpen: 'La inscripción está abierta.',
  registrationClosed: 'La inscripción está cerrada.',
};
