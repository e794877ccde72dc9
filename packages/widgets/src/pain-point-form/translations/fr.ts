import type { Translation } from '../../internal/i18n';
import type { PainPointFormMessages } from './en';

export const messages: Translation<PainPointFormMessages> = {
  heading: 'Signaler un point de friction',
  requiredNote: 'Les champs marqués d’un * sont obligatoires.',
  title: 'Titre',
  titleHint: 'Une ligne qui nomme la difficulté.',
  description: 'Description',
  descriptionHint: 'Ce qui se passe, où, et qui est touché.',
  language: 'Langue de votre texte',
  domain: 'Domaine',
  chooseDomain: 'Choisissez un domaine',
  severity: 'Gravité',
  city: 'Ville',
  country: 'Pays',
  noCountry: 'Aucun pays',
  submit: 'Signaler le point de friction',
  sending: 'Envoi…',
  created: 'Merci : votre point de friction est signalé.',
  createdHint: 'Les membres peuvent maintenant voter et en discuter.',
  reportAnother: 'Signaler un autre point de friction',
};
