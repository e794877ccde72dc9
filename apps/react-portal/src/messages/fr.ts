import type { Messages } from './en';

export const fr: Messages = {
  title: 'Portail des normes pour les villes intelligentes',
  intro:
    "Ce que les normes de l'IEC, de l'ISO et de l'UIT couvrent de ce que signalent les villes, et ce pour quoi la communauté vote le plus.",
  language: 'Langue',
  gapReport: 'Rapport sur les lacunes',
  gapReportIntro: 'La couverture, par les normes, des difficultés de chaque domaine.',
  topPainPoints: 'Difficultés les plus votées par domaine',
  topPainPointsIntro:
    'Les trois difficultés qui ont reçu le plus de votes dans chaque domaine, mises à jour à chaque vote.',
  board: "Difficultés d'un domaine",
  boardDomain: 'Domaine',
  loading: 'Chargement…',
  empty: 'Aucune difficulté pour le moment.',
  failed: "Les difficultés n'ont pas pu être chargées.",
  votes: { one: '{count} vote', many: '{count} votes', other: '{count} votes' },
  moved: '{title} est désormais numéro {rank} en {domain}.',
  entered: '{title} entre dans le classement de {domain} au rang {rank}.',
  live: 'En direct',
  offline: 'Reconnexion…',
};
