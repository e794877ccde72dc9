import type { Translation } from '../../internal/i18n';
import type { PainPointMapMessages } from './en';

export const messages: Translation<PainPointMapMessages> = {
  title: 'Problemas por país',
  mapLabel: 'Mapa mundial de los problemas por país',
  keyboardHint: 'Recorra con las flechas los países que tienen problemas; pulse Intro para elegir uno.',
  countryPainPoints: {
    one: '{country}: {count} problema',
    many: '{country}: {count} de problemas',
    other: '{country}: {count} problemas',
  },
  painPoints: { one: '{count} problema', many: '{count} de problemas', other: '{count} problemas' },
  legendTitle: 'Problemas por país',
  legendNone: 'Ninguno',
  legendRange: '{from}–{to}',
  tableCaption: 'Problemas por país, de más a menos',
  columnCountry: 'País',
  columnCount: 'Problemas',
  withoutCountry: {
    one: '{count} problema no indica ningún país.',
    many: '{count} de problemas no indican ningún país.',
    other: '{count} problemas no indican ningún país.',
  },
  mapUnavailable: 'No se pudo cargar el mapa. La tabla de abajo enumera todos los países.',
};
