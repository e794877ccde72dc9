import type { Translation } from '../../internal/i18n';
import type { EventRegistrationMessages } from './en';

export const messages: Translation<EventRegistrationMessages> = {
  heading: 'Inscription',
  seatsLeft: {
    one: '{count} place restante',
    many: '{count} de places restantes',
    other: '{count} places restantes',
  },
  full: 'Complet : les nouvelles inscriptions rejoignent la liste d’attente.',
  registrationOpens: 'Les inscriptions ouvrent le {date}.',
  registrationOpenUntil: 'Inscriptions ouvertes jusqu’au {date}.',
  registrationOpen: 'Les inscriptions sont ouvertes.',
  registrationClosed: 'Les inscriptions sont closes.',
  registrationNotOpen: 'Les inscriptions ne sont pas encore ouvertes.',
  freeFor: 'Participation gratuite pour :',
  eligible: 'Vous participez gratuitement : {basis}.',
  eligibleJoining: 'L’adhésion à la communauté est gratuite, et ses membres participent gratuitement.',
  notEligible:
    'Aucune règle de gratuité ne s’applique encore à vous : indiquez un code d’invitation, une adhésion ou une autre inscription.',
  claim: 'Code d’invitation, adhésion ou autre inscription',
  invitationCode: 'Code d’invitation',
  membershipBody: 'Membre de',
  memberCode: 'Numéro de membre (facultatif)',
  coLocatedEvent: 'Également inscrit à',
  reference: 'Référence d’inscription',
  none: 'Aucun',
  check: 'Vérifier',
  register: 'S’inscrire',
  joinAndRegister: 'Adhérer et s’inscrire',
  confirmed: 'Vous êtes inscrit : votre place est confirmée.',
  waitlisted: 'Vous êtes sur la liste d’attente, en position {position}.',
  promoted: 'Une place s’est libérée : votre inscription est confirmée.',
  cancelled: 'Votre inscription est annulée.',
  cancelRegistration: 'Annuler mon inscription',
  cancelQuestion:
    'Annuler votre inscription ? Votre place ira à la personne suivante sur la liste d’attente.',
  confirmCancel: 'Oui, l’annuler',
  keep: 'La garder',
  calendar: 'Ajouter à mon agenda (.ics)',
};
