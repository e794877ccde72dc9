import type { Translation } from '../../internal/i18n';
import type { StandardsFinderMessages } from './en';

export const messages: Translation<StandardsFinderMessages> = {
  heading: 'Trouver des normes',
  body: 'Organisme de normalisation',
  joint: 'Commun (ISO/IEC)',
  domain: 'Domaine',
  committee: 'Comité',
  committeeHint: 'Son nom complet, par exemple ISO/TC 268',
  words: 'Mots',
  search: 'Rechercher',
  shown: {
    one: 'Une norme affichée.',
    many: '{count} normes affichées.',
    other: '{count} normes affichées.',
  },
  empty: 'Aucune norme ne correspond à cette recherche.',
  bodyLabel: 'Organisme',
  statusLabel: 'Statut',
  'status.published': 'Publiée',
  'status.under-development': 'En préparation',
  'status.withdrawn': 'Annulée',
  addresses: 'Points de blocage qu’elle traite',
  noPainPoints: 'Aucun point de blocage n’y est encore relié.',
  morePainPoints: 'D’autres points de blocage y sont reliés.',
  painPointsError: 'Ses points de blocage n’ont pas pu être chargés.',
  votes: { one: '{count} vote', many: '{count} votes', other: '{count} votes' },
};
