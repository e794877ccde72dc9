import type { Translation } from '../../internal/i18n';
import type { CoverageChartMessages } from './en';

export const messages: Translation<CoverageChartMessages> = {
  heading: 'Насколько стандарты охватывают проблемы',
  bodies: 'Организация по стандартизации',
  joint: 'Совместные (ISO/IEC)',
  allBodies: 'Все организации по стандартизации',
  oneBody: 'Только стандарты {body}',
  summary: {
    one: '{count} открытая проблема: полностью охвачено {full}, частично {partial}, не охвачено {none}.',
    few: '{count} открытые проблемы: полностью охвачено {full}, частично {partial}, не охвачено {none}.',
    many: '{count} открытых проблем: полностью охвачено {full}, частично {partial}, не охвачено {none}.',
    other: '{count} открытой проблемы: полностью охвачено {full}, частично {partial}, не охвачено {none}.',
  },
  chartLabel: 'Охват по областям, столбцы с накоплением. {body}. {summary}',
  legend: 'Условные обозначения',
  showTable: 'Показать таблицей',
  tableCaption: 'Открытые проблемы по областям и охвату. {body}',
  domainColumn: 'Область',
  totalColumn: 'Всего',
  allDomains: 'Все области',
  empty: 'Пока нет открытых проблем для диаграммы.',
  gapsHeading: 'Главные пробелы',
  gapsNote:
    'Открытые проблемы, которые ни один стандарт не охватывает полностью, сначала самые поддержанные, по всем организациям.',
  votes: {
    one: '{count} голос',
    few: '{count} голоса',
    many: '{count} голосов',
    other: '{count} голоса',
  },
  unavailable: 'Эту проблему нельзя показать.',
};
