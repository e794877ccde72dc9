import { greeting } from '../layout';
import { defineMailTemplate } from '../template-registry';
import { accountLink } from './account-link';

/** How long a confirmation link works. */
export const EMAIL_CONFIRMATION_TTL_HOURS = 48;

/**
 * Sent after sign-up and after an address change (to the new address), and again on request:
 * the link proves the address is the member's. `accountPage`: the partner's page the link leads
 * to, decided when the mail was queued (`accountLink`).
 */
export const emailConfirmationTemplate = defineMailTemplate<
  { displayName: string; expiresInHours: number; accountPage?: string | null },
  { token: string }
>({
  name: 'email-confirmation',
  kind: 'account',
  reachesUndeliverable: true,
  languages: {
    en: (input, context) => ({
      subject: 'Confirm your e-mail address',
      greeting: greeting('en', input.displayName),
      paragraphs: [
        'Please confirm that this address belongs to you, so that the World Smart City Community can trust it.',
      ],
      action: { label: 'Confirm my address', url: accountLink(context, 'confirm-email', input) },
      after: [`The link works for ${input.expiresInHours} hours and only once.`],
      footer: [
        'If you did not create an account, you can ignore this mail: nothing happens without the link.',
      ],
    }),
    fr: (input, context) => ({
      subject: 'Confirmez votre adresse e-mail',
      greeting: greeting('fr', input.displayName),
      paragraphs: [
        'Veuillez confirmer que cette adresse vous appartient, afin que la communauté World Smart City puisse s’y fier.',
      ],
      action: { label: 'Confirmer mon adresse', url: accountLink(context, 'confirm-email', input) },
      after: [`Le lien est valable ${input.expiresInHours} heures et une seule fois.`],
      footer: ['Si vous n’avez pas créé de compte, ignorez ce message : rien ne se passe sans le lien.'],
    }),
    es: (input, context) => ({
      subject: 'Confirme su dirección de correo electrónico',
      greeting: greeting('es', input.displayName),
      paragraphs: [
        'Confirme que esta dirección le pertenece, para que la comunidad World Smart City pueda confiar en ella.',
      ],
      action: { label: 'Confirmar mi dirección', url: accountLink(context, 'confirm-email', input) },
      after: [`El enlace es válido durante ${input.expiresInHours} horas y una sola vez.`],
      footer: ['Si no creó una cuenta, ignore este mensaje: no ocurre nada sin el enlace.'],
    }),
    ru: (input, context) => ({
      subject: 'Подтвердите адрес электронной почты',
      greeting: greeting('ru', input.displayName),
      paragraphs: [
        'Подтвердите, что этот адрес принадлежит вам, чтобы сообщество World Smart City могло ему доверять.',
      ],
      action: { label: 'Подтвердить адрес', url: accountLink(context, 'confirm-email', input) },
      after: [`Ссылка действует ${input.expiresInHours} ч и только один раз.`],
      footer: [
        'Если вы не создавали учётную запись, просто проигнорируйте это письмо: без ссылки ничего не произойдёт.',
      ],
    }),
    zh: (input, context) => ({
      subject: '请确认您的电子邮件地址',
      greeting: greeting('zh', input.displayName),
      paragraphs: ['请确认此地址属于您，以便世界智慧城市社区可以信任它。'],
      action: { label: '确认我的地址', url: accountLink(context, 'confirm-email', input) },
      after: [`该链接在 ${input.expiresInHours} 小时内有效，且只能使用一次。`],
      footer: ['如果您没有创建账户，请忽略此邮件：没有该链接，什么都不会发生。'],
    }),
    ar: (input, context) => ({
      subject: 'أكّد عنوان بريدك الإلكتروني',
      greeting: greeting('ar', input.displayName),
      paragraphs: ['يُرجى تأكيد أن هذا العنوان يخصّك، حتى يتمكن مجتمع المدن الذكية العالمي من الوثوق به.'],
      action: { label: 'تأكيد عنواني', url: accountLink(context, 'confirm-email', input) },
      after: [`يعمل الرابط لمدة ${input.expiresInHours} ساعة ولمرة واحدة فقط.`],
      footer: ['إذا لم تُنشئ حسابًا، فتجاهل هذه الرسالة: لن يحدث شيء دون الرابط.'],
    }),
  },
  example: {
    data: { displayName: 'Ada Lovelace', expiresInHours: EMAIL_CONFIRMATION_TTL_HOURS },
    secrets: { token: 'wsc_conf_example' },
  },
});
