import type { Translation } from '../../internal/i18n';
import type { StakeholderDirectoryMessages } from './en';

export const messages: Translation<StakeholderDirectoryMessages> = {
  heading: 'Участники',
  searchLabel: 'Имя, город или биография',
  search: 'Найти',
  role: 'Роль',
  country: 'Страна',
  organization: 'Организация',
  empty: 'По этому запросу участников не найдено.',
  shown: {
    one: 'Показан {count} участник',
    few: 'Показано {count} участника',
    many: 'Показано {count} участников',
    other: 'Показано {count} участника',
  },
  place: '{city}, {country}',
};
