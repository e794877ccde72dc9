import type { Translation } from '../../internal/i18n';
import type { MailPreferencesMessages } from './en';

export const messages: Translation<MailPreferencesMessages> = {
  heading: 'Les e-mails de la communauté',
  signedOut: 'Connectez-vous pour voir les e-mails que la communauté vous envoie et les choisir.',
  address: 'Envoyés à',
  addressState: 'Adresse',
  confirmed: 'Confirmée',
  unconfirmed: 'Pas encore confirmée : ouvrez le lien du message envoyé à cette adresse.',
  sendAgain: 'Renvoyer la confirmation',
  confirmationSent: 'Un nouveau message de confirmation est en route. Consultez votre messagerie.',
  alreadyConfirmed: 'Votre adresse est déjà confirmée.',
  tooManyRequests: 'Trop de demandes pour cet e-mail. Réessayez dans une heure.',
  optionalMail: 'Les e-mails que vous choisissez',
  moderation: 'Me prévenir quand un modérateur masque l’un de mes commentaires, avec la raison',
  digest: 'Un résumé hebdomadaire des nouveaux points de friction les plus votés',
  digestDomains: 'Domaines du résumé',
  digestDomainsHint: 'Aucun choisi : tous les domaines. Le pays de votre profil restreint aussi le résumé.',
  alwaysSent:
    'Toujours envoyés : les e-mails du compte (confirmation de l’adresse, réinitialisation du mot de passe), vos inscriptions aux événements et les changements des événements auxquels vous êtes inscrit.',
  partnerInformsYou:
    'Vous nous avez rejoints par un partenaire qui vous informe lui-même : la communauté ne vous envoie que les e-mails nécessaires à votre compte.',
  save: 'Enregistrer mes choix',
  saving: 'Enregistrement…',
  saved: 'Vos choix sont enregistrés.',
};
