import type { Translation } from '../../internal/i18n';
import type { StandardsFinderMessages } from './en';

export const messages: Translation<StandardsFinderMessages> = {
  heading: 'Поиск стандартов',
  body: 'Организация по стандартизации',
  joint: 'Совместные (ISO/IEC)',
  domain: 'Область',
  committee: 'Комитет',
  committeeHint: 'Полное название, например ISO/TC 268',
  words: 'Слова',
  search: 'Найти',
  shown: {
    one: 'Показан {count} стандарт.',
    few: 'Показано {count} стандарта.',
    many: 'Показано {count} стандартов.',
    other: 'Показано {count} стандарта.',
  },
  empty: 'Ни один стандарт не соответствует запросу.',
  bodyLabel: 'Организация',
  statusLabel: 'Статус',
  'status.published': 'Опубликован',
  'status.under-development': 'В разработке',
  'status.withdrawn': 'Отменён',
  addresses: 'Проблемы, которые он решает',
  noPainPoints: 'С ним пока не сопоставлена ни одна проблема.',
  morePainPoints: 'С ним сопоставлены и другие проблемы.',
  painPointsError: 'Не удалось загрузить его проблемы.',
  votes: {
    one: '{count} голос',
    few: '{count} голоса',
    many: '{count} голосов',
    other: '{count} голоса',
  },
};
