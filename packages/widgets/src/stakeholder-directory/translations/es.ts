import type { Translation } from '../../internal/i18n';
import type { StakeholderDirectoryMessages } from './en';

export const messages: Translation<StakeholderDirectoryMessages> = {
  heading: 'Partes interesadas',
  searchLabel: 'Nombre, ciudad o biografía',
  search: 'Buscar',
  role: 'Función',
  country: 'País',
  organization: 'Organización',
  empty: 'Ninguna parte interesada coincide con esta búsqueda.',
  shown: {
    one: '{count} parte interesada mostrada',
    many: '{count} partes interesadas mostradas',
    other: '{count} partes interesadas mostradas',
  },
  place: '{city}, {country}',
};
