import { fr as labels } from '@wsc/models/locales/fr';
import type { Translation } from '../internal/i18n';
import type { CommonMessages } from './en';

export const messages: Translation<CommonMessages> = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  close: 'Fermer',
  cancel: 'Annuler',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  loadMore: 'Afficher plus',
  noResults: 'Rien à afficher pour le moment.',
  // Between the parts of a place (venue, city, country).
  placeSeparator: ', ',
  allOption: 'Tous',
  'error.generic': 'Une erreur est survenue. Veuillez réessayer.',
  'error.network': 'La communauté est injoignable. Vérifiez votre connexion et réessayez.',
  'error.rateLimited': 'Trop de requêtes. Patientez un instant puis réessayez.',
  'error.forbidden': 'Vous n’êtes pas autorisé à faire ceci.',
  'error.notFound': 'Introuvable. Cet élément a peut-être été supprimé.',
  'error.signInRequired': 'Connectez-vous pour faire ceci.',
  'error.conflict': 'Cet élément a changé entre-temps. Rechargez et réessayez.',
  'field.required': 'Ce champ est obligatoire.',
  'field.tooShort': 'C’est trop court.',
  'field.tooLong': 'C’est trop long.',
  'field.invalidFormat': 'Le format attendu n’est pas respecté.',
  'field.invalidChoice': 'Choisissez l’une des options.',
  'field.invalid': 'Vérifiez ce champ.',
  'form.errorSummary': {
    one: 'Un champ demande votre attention.',
    many: '{count} champs demandent votre attention.',
    other: '{count} champs demandent votre attention.',
  },
};
export { labels };
