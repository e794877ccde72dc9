import type { Translation } from '../../internal/i18n';
import type { EventCardMessages } from './en';

export const messages: Translation<EventCardMessages> = {
  when: 'Когда',
  where: 'Где',
  seatsLeft: {
    one: 'Осталось {count} место',
    few: 'Осталось {count} места',
    many: 'Осталось {count} мест',
    other: 'Осталось {count} места',
  },
  full: 'Мест нет: новые заявки попадают в лист ожидания.',
  registrationOpens: 'Регистрация откроется {date}.',
  registrationOpenUntil: 'Регистрация открыта до {date}.',
  registrationOpen: 'Регистрация открыта.',
  registrationClosed: 'Регистрация закрыта.',
};
