import type { Messages } from './en';

export const es: Messages = {
  title: 'Portal de normas para ciudades inteligentes',
  intro:
    'Qué cubren las normas de la IEC, la ISO y la UIT de lo que señalan las ciudades, y lo que la comunidad más vota.',
  language: 'Idioma',
  gapReport: 'Informe de brechas',
  gapReportIntro: 'Cuánto cubren las normas los problemas de cada ámbito.',
  topPainPoints: 'Problemas más votados por ámbito',
  topPainPointsIntro:
    'Los tres problemas con más votos de cada ámbito, actualizados a medida que la gente vota.',
  board: 'Problemas de un ámbito',
  boardDomain: 'Ámbito',
  loading: 'Cargando…',
  empty: 'Todavía no hay problemas.',
  failed: 'No se pudieron cargar los problemas.',
  votes: { one: '{count} voto', many: '{count} votos', other: '{count} votos' },
  moved: '{title} ocupa ahora el puesto {rank} en {domain}.',
  entered: '{title} entra en la clasificación de {domain} en el puesto {rank}.',
  live: 'En directo',
  offline: 'Reconectando…',
};
