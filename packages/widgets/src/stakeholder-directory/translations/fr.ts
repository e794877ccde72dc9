import type { Translation } from '../../internal/i18n';
import type { StakeholderDirectoryMessages } from './en';

export const messages: Translation<StakeholderDirectoryMessages> = {
  heading: 'Parties prenantes',
  searchLabel: 'Nom, ville ou biographie',
  search: 'Rechercher',
  role: 'Rôle',
  country: 'Pays',
  organization: 'Organisation',
  empty: 'Aucune partie prenante ne correspond à cette recherche.',
  shown: {
    one: '{count} partie prenante affichée',
    many: '{count} parties prenantes affichées',
    other: '{count} parties prenantes affichées',
  },
  place: '{city}, {country}',
};
