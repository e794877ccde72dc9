import type { Translation } from '../../internal/i18n';
import type { PainPointMapMessages } from './en';

export const messages: Translation<PainPointMapMessages> = {
  title: 'Проблемы по странам',
  mapLabel: 'Карта мира с проблемами по странам',
  keyboardHint:
    'Переходите между странами, где есть проблемы, клавишами со стрелками; нажмите Enter, чтобы выбрать страну.',
  countryPainPoints: {
    one: '{country}: {count} проблема',
    few: '{country}: {count} проблемы',
    many: '{country}: {count} проблем',
    other: '{country}: {count} проблемы',
  },
  painPoints: {
    one: '{count} проблема',
    few: '{count} проблемы',
    many: '{count} проблем',
    other: '{count} проблемы',
  },
  legendTitle: 'Проблем на страну',
  legendNone: 'Нет',
  legendRange: '{from}–{to}',
  tableCaption: 'Проблемы по странам, по убыванию',
  columnCountry: 'Страна',
  columnCount: 'Проблемы',
  withoutCountry: {
    one: '{count} проблема не указывает страну.',
    few: '{count} проблемы не указывают страну.',
    many: '{count} проблем не указывают страну.',
    other: '{count} проблемы не указывают страну.',
  },
  mapUnavailable: 'Не удалось загрузить карту. В таблице ниже перечислены все страны.',
};
