import { greeting } from '../layout';
import { defineMailTemplate } from '../template-registry';
import { accountLink } from './account-link';

/** How long a password-reset link works (the issue: within an hour). */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/**
 * Sent when someone asks to reset the password of a known address. `accountPage`: the partner's
 * page the link leads to, decided when the mail was queued (`accountLink`).
 */
export const passwordResetTemplate = defineMailTemplate<
  { displayName: string; expiresInMinutes: number; accountPage?: string | null },
  { token: string }
>({
  name: 'password-reset',
  kind: 'account',
  languages: {
    en: (input, context) => ({
      subject: 'Reset your password',
      greeting: greeting('en', input.displayName),
      paragraphs: ['Someone asked to reset the password of your World Smart City Community account.'],
      action: { label: 'Choose a new password', url: accountLink(context, 'reset-password', input) },
      after: [
        `The link works for ${input.expiresInMinutes} minutes and only once. Choosing a new password signs you out everywhere else.`,
      ],
      footer: ['If you did not ask for this, ignore this mail: your password stays as it is.'],
    }),
    fr: (input, context) => ({
      subject: 'Réinitialisez votre mot de passe',
      greeting: greeting('fr', input.displayName),
      paragraphs: [
        'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte World Smart City Community.',
      ],
      action: {
        label: 'Choisir un nouveau mot de passe',
        url: accountLink(context, 'reset-password', input),
      },
      after: [
        `Le lien est valable ${input.expiresInMinutes} minutes et une seule fois. Choisir un nouveau mot de passe vous déconnecte partout ailleurs.`,
      ],
      footer: [
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe ne change pas.',
      ],
    }),
    es: (input, context) => ({
      subject: 'Restablezca su contraseña',
      greeting: greeting('es', input.displayName),
      paragraphs: ['Alguien pidió restablecer la contraseña de su cuenta de World Smart City Community.'],
      action: { label: 'Elegir una nueva contraseña', url: accountLink(context, 'reset-password', input) },
      after: [
        `El enlace es válido durante ${input.expiresInMinutes} minutos y una sola vez. Elegir una nueva contraseña cierra su sesión en todos los demás lugares.`,
      ],
      footer: ['Si no lo pidió, ignore este mensaje: su contraseña no cambia.'],
    }),
    ru: (input, context) => ({
      subject: 'Сброс пароля',
      greeting: greeting('ru', input.displayName),
      paragraphs: ['Кто-то запросил сброс пароля вашей учётной записи World Smart City Community.'],
      action: { label: 'Выбрать новый пароль', url: accountLink(context, 'reset-password', input) },
      after: [
        `Ссылка действует ${input.expiresInMinutes} мин и только один раз. После смены пароля все остальные сеансы будут завершены.`,
      ],
      footer: ['Если вы не запрашивали сброс, проигнорируйте это письмо: пароль останется прежним.'],
    }),
    zh: (input, context) => ({
      subject: '重置您的密码',
      greeting: greeting('zh', input.displayName),
      paragraphs: ['有人请求重置您的世界智慧城市社区账户密码。'],
      action: { label: '设置新密码', url: accountLink(context, 'reset-password', input) },
      after: [
        `该链接在 ${input.expiresInMinutes} 分钟内有效，且只能使用一次。设置新密码后，您在其他地方的登录都将退出。`,
      ],
      footer: ['如果这不是您本人的请求，请忽略此邮件：您的密码不会改变。'],
    }),
    ar: (input, context) => ({
      subject: 'إعادة تعيين كلمة المرور',
      greeting: greeting('ar', input.displayName),
      paragraphs: ['طلب أحدهم إعادة تعيين كلمة مرور حسابك في مجتمع المدن الذكية العالمي.'],
      action: { label: 'اختيار كلمة مرور جديدة', url: accountLink(context, 'reset-password', input) },
      after: [
        `يعمل الرابط لمدة ${input.expiresInMinutes} دقيقة ولمرة واحدة فقط. اختيار كلمة مرور جديدة يُنهي جلساتك في كل مكان آخر.`,
      ],
      footer: ['إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.'],
    }),
  },
  example: {
    data: { displayName: 'Ada Lovelace', expiresInMinutes: PASSWORD_RESET_TTL_MINUTES },
    secrets: { token: 'wsc_reset_example' },
  },
});
