import type { Translation } from '../../internal/i18n';
import type { CoverageChartMessages } from './en';

export const messages: Translation<CoverageChartMessages> = {
  heading: 'Dans quelle mesure les normes couvrent les points de blocage',
  bodies: 'Organisme de normalisation',
  joint: 'Commun (ISO/IEC)',
  allBodies: 'Tous les organismes',
  oneBody: 'Normes {body} uniquement',
  summary: {
    one: 'Un point de blocage ouvert : {full} entièrement couvert, {partial} partiellement couvert, {none} non couvert.',
    many: '{count} points de blocage ouverts : {full} entièrement couverts, {partial} partiellement couverts, {none} non couverts.',
    other:
      '{count} points de blocage ouverts : {full} entièrement couverts, {partial} partiellement couverts, {none} non couverts.',
  },
  chartLabel: 'Couverture par domaine, barres empilées. {body}. {summary}',
  legend: 'Légende',
  showTable: 'Afficher en tableau',
  tableCaption: 'Points de blocage ouverts par domaine et couverture. {body}',
  domainColumn: 'Domaine',
  totalColumn: 'Total',
  allDomains: 'Tous les domaines',
  empty: 'Aucun point de blocage ouvert à représenter pour le moment.',
  gapsHeading: 'Principales lacunes',
  gapsNote:
    'Points de blocage ouverts qu’aucune norme ne couvre entièrement, les plus soutenus d’abord, tous organismes confondus.',
  votes: { one: '{count} vote', many: '{count} votes', other: '{count} votes' },
  unavailable: 'Ce point de blocage ne peut pas être affiché.',
};
