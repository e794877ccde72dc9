import { greeting } from '../layout';
import { defineMailTemplate } from '../template-registry';

/**
 * Sent to the OLD address when a member's address changes, so a hijacked account is noticed.
 * `newAddressHint` is the new address masked (`a…@example.org`): the old address may belong to
 * someone else by now.
 */
export const emailChangedTemplate = defineMailTemplate<{ displayName: string; newAddressHint: string }>({
  name: 'email-changed',
  kind: 'account',
  languages: {
    en: (input) => ({
      subject: 'Your e-mail address was changed',
      greeting: greeting('en', input.displayName),
      paragraphs: [
        `The address of your World Smart City Community account was changed to ${input.newAddressHint}. Mail now goes there.`,
      ],
      footer: ['If you did not change it, tell the community’s administrators at once.'],
    }),
    fr: (input) => ({
      subject: 'Votre adresse e-mail a été modifiée',
      greeting: greeting('fr', input.displayName),
      paragraphs: [
        `L’adresse de votre compte World Smart City Community a été remplacée par ${input.newAddressHint}. Les messages y sont désormais envoyés.`,
      ],
      footer: [
        'Si vous ne l’avez pas modifiée, prévenez sans attendre les administrateurs de la communauté.',
      ],
    }),
    es: (input) => ({
      subject: 'Se cambió su dirección de correo electrónico',
      greeting: greeting('es', input.displayName),
      paragraphs: [
        `La dirección de su cuenta de World Smart City Community se cambió a ${input.newAddressHint}. Los mensajes se envían ahora allí.`,
      ],
      footer: ['Si no la cambió usted, avise de inmediato a los administradores de la comunidad.'],
    }),
    ru: (input) => ({
      subject: 'Адрес электронной почты изменён',
      greeting: greeting('ru', input.displayName),
      paragraphs: [
        `Адрес вашей учётной записи World Smart City Community изменён на ${input.newAddressHint}. Теперь письма приходят туда.`,
      ],
      footer: ['Если вы его не меняли, немедленно сообщите администраторам сообщества.'],
    }),
    zh: (input) => ({
      subject: '您的电子邮件地址已更改',
      greeting: greeting('zh', input.displayName),
      paragraphs: [`您的世界智慧城市社区账户地址已更改为 ${input.newAddressHint}。今后邮件将发送到该地址。`],
      footer: ['如果这不是您本人的操作，请立即联系社区管理员。'],
    }),
    ar: (input) => ({
      subject: 'تم تغيير عنوان بريدك الإلكتروني',
      greeting: greeting('ar', input.displayName),
      paragraphs: [
        `تم تغيير عنوان حسابك في مجتمع المدن الذكية العالمي إلى ${input.newAddressHint}. تُرسَل الرسائل إليه من الآن.`,
      ],
      footer: ['إذا لم تقم بتغييره، فأبلغ مسؤولي المجتمع فورًا.'],
    }),
  },
  example: { data: { displayName: 'Ada Lovelace', newAddressHint: 'a…@example.org' }, secrets: {} },
});
