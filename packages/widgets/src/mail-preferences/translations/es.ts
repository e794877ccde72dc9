import type { Translation } from '../../internal/i18n';
import type { MailPreferencesMessages } from './en';

export const messages: Translation<MailPreferencesMessages> = {
  heading: 'Correo de la comunidad',
  signedOut: 'Inicie sesión para ver qué correos le envía la comunidad y elegirlos.',
  address: 'Se envía a',
  addressState: 'Dirección',
  confirmed: 'Confirmada',
  unconfirmed: 'Aún no confirmada: abra el enlace del mensaje que enviamos a esta dirección.',
  sendAgain: 'Enviar de nuevo la confirmación',
  confirmationSent: 'Va en camino un nuevo mensaje de confirmación. Revise su buzón.',
  alreadyConfirmed: 'Su dirección ya está confirmada.',
  tooManyRequests: 'Demasiadas solicitudes para este correo. Inténtelo de nuevo dentro de una hora.',
  optionalMail: 'Correo que usted elige',
  moderation: 'Avisarme cuando un moderador oculte uno de mis comentarios, con el motivo',
  digest: 'Un resumen semanal de los nuevos problemas más votados',
  digestDomains: 'Ámbitos del resumen',
  digestDomainsHint: 'Ninguno elegido: todos los ámbitos. El país de su perfil también acota el resumen.',
  alwaysSent:
    'Siempre se envían: el correo de la cuenta (confirmación de la dirección, restablecimiento de la contraseña), sus inscripciones a eventos y los cambios de los eventos en los que se inscribió.',
  partnerInformsYou:
    'Se unió a través de un socio que le informa directamente: la comunidad solo le envía el correo que necesita para su cuenta.',
  save: 'Guardar mis preferencias',
  saving: 'Guardando…',
  saved: 'Sus preferencias están guardadas.',
};
