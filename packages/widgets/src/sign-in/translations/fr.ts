import type { Translation } from '../../internal/i18n';
import type { SignInDialogMessages } from './en';

export const messages: Translation<SignInDialogMessages> = {
  title: 'Communauté World Smart City',
  join: 'Rejoindre',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  passwordHint: 'Au moins 10 caractères.',
  displayName: 'Votre nom',
  displayNameHint: 'Visible par les autres membres.',
  role: 'Votre rôle',
  chooseRole: 'Choisissez votre rôle',
  country: 'Pays (facultatif)',
  notGiven: 'Non précisé',
  city: 'Ville (facultatif)',
  joinNote: 'L’adhésion est gratuite.',
  wrongCredentials: 'Adresse e-mail ou mot de passe incorrect. Vérifiez-les et réessayez.',
  emailTaken: 'Un compte utilise déjà cette adresse. Connectez-vous plutôt.',
  forgotPassword: 'Mot de passe oublié ?',
  resetTitle: 'Réinitialiser votre mot de passe',
  resetNote:
    'Saisissez l’e-mail de votre compte : nous lui envoyons un lien pour choisir un nouveau mot de passe.',
  sendResetLink: 'Envoyer le lien',
  resetSent:
    'Si un compte utilise cet e-mail, un lien de réinitialisation est en route. Consultez votre messagerie.',
  backToSignIn: 'Retour à la connexion',
  tooManyRequests: 'Trop de demandes pour cet e-mail. Réessayez dans une heure.',
  unconfirmed:
    'Votre adresse e-mail n’est pas encore confirmée : ouvrez le lien du message que nous lui avons envoyé.',
  sendAgain: 'Renvoyer la confirmation',
  confirmationSent: 'Un nouveau message de confirmation est en route. Consultez votre messagerie.',
  alreadyConfirmed: 'Votre adresse est déjà confirmée.',
  continue: 'Continuer',
  confirmTitle: 'Confirmez votre adresse e-mail',
  confirmNote: 'Appuyez sur le bouton pour confirmer que cette adresse est la vôtre.',
  confirmButton: 'Confirmer mon adresse',
  confirmed: 'Merci : votre adresse est confirmée.',
  newPasswordTitle: 'Choisissez un nouveau mot de passe',
  newPassword: 'Nouveau mot de passe',
  setPassword: 'Enregistrer le nouveau mot de passe',
  passwordChanged:
    'Votre mot de passe est changé et toutes les autres sessions sont fermées. Vous êtes connecté ici.',
  linkInvalid: 'Ce lien est inconnu, déjà utilisé ou expiré.',
  askNewLink: 'Demander un nouveau lien',
  signInForNewLink: 'Se connecter pour recevoir un nouveau lien',
};
