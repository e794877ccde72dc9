import type { Translation } from '../../internal/i18n';
import type { PainPointMapMessages } from './en';

export const messages: Translation<PainPointMapMessages> = {
  title: 'Difficultés par pays',
  mapLabel: 'Carte du monde des difficultés par pays',
  keyboardHint:
    'Passez d’un pays ayant des difficultés à l’autre avec les flèches ; appuyez sur Entrée pour en choisir un.',
  countryPainPoints: {
    one: '{country} : {count} difficulté',
    many: '{country} : {count} de difficultés',
    other: '{country} : {count} difficultés',
  },
  painPoints: { one: '{count} difficulté', many: '{count} de difficultés', other: '{count} difficultés' },
  legendTitle: 'Difficultés par pays',
  legendNone: 'Aucune',
  legendRange: '{from}–{to}',
  tableCaption: 'Difficultés par pays, les plus nombreuses d’abord',
  columnCountry: 'Pays',
  columnCount: 'Difficultés',
  withoutCountry: {
    one: '{count} difficulté ne mentionne aucun pays.',
    many: '{count} de difficultés ne mentionnent aucun pays.',
    other: '{count} difficultés ne mentionnent aucun pays.',
  },
  mapUnavailable: 'La carte n’a pas pu être chargée. Le tableau ci-dessous liste tous les pays.',
};
