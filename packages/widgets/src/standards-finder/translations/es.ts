import type { Translation } from '../../internal/i18n';
import type { StandardsFinderMessages } from './en';

export const messages: Translation<StandardsFinderMessages> = {
  heading: 'Buscar normas',
  body: 'Organismo de normalización',
  joint: 'Conjunto (ISO/IEC)',
  domain: 'Ámbito',
  committee: 'Comité',
  committeeHint: 'Su nombre completo, por ejemplo ISO/TC 268',
  words: 'Palabras',
  search: 'Buscar',
  shown: {
    one: 'Se muestra una norma.',
    many: 'Se muestran {count} normas.',
    other: 'Se muestran {count} normas.',
  },
  empty: 'Ninguna norma coincide con esta búsqueda.',
  bodyLabel: 'Organismo',
  statusLabel: 'Estado',
  'status.published': 'Publicada',
  'status.under-development': 'En elaboración',
  'status.withdrawn': 'Anulada',
  addresses: 'Problemas que aborda',
  noPainPoints: 'Todavía no tiene ningún problema vinculado.',
  morePainPoints: 'Tiene más problemas vinculados.',
  painPointsError: 'No se pudieron cargar sus problemas.',
  votes: { one: 'un voto', many: '{count} votos', other: '{count} votos' },
};
