import type { Translation } from '../../internal/i18n';
import type { SignInDialogMessages } from './en';

export const messages: Translation<SignInDialogMessages> = {
  title: 'Comunidad World Smart City',
  join: 'Unirse',
  email: 'Correo electrónico',
  password: 'Contraseña',
  passwordHint: 'Al menos 10 caracteres.',
  displayName: 'Su nombre',
  displayNameHint: 'Lo verán los demás miembros.',
  role: 'Su función',
  chooseRole: 'Elija su función',
  country: 'País (opcional)',
  notGiven: 'Sin indicar',
  city: 'Ciudad (opcional)',
  joinNote: 'Unirse es gratis.',
  wrongCredentials: 'Correo electrónico o contraseña incorrectos. Revíselos e inténtelo de nuevo.',
  emailTaken: 'Ya existe una cuenta con este correo. Inicie sesión en su lugar.',
  forgotPassword: '¿Olvidó su contraseña?',
  resetTitle: 'Restablecer su contraseña',
  resetNote: 'Escriba el correo de su cuenta: le enviaremos un enlace para elegir una nueva contraseña.',
  sendResetLink: 'Enviar el enlace',
  resetSent:
    'Si una cuenta usa este correo, va en camino un enlace para restablecer su contraseña. Revise su buzón.',
  backToSignIn: 'Volver a iniciar sesión',
  tooManyRequests: 'Demasiadas solicitudes para este correo. Inténtelo de nuevo dentro de una hora.',
};
