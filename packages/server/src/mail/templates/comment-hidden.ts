import { type Language, resolveText } from '@wsc/models';
import { greeting, type MailContent } from '../layout';
import type { UnsubscribeSecrets } from '../member-mail';
import { defineMailTemplate, inEveryLanguage } from '../template-registry';
import { unsubscribeHeaders } from './unsubscribe';

/** What the notice says: whose comment, on which pain point, its opening words, the reason. */
export interface CommentHiddenData {
  [key: string]: unknown;
  displayName: string;
  /** The pain point's title in every language it has (the reader's is chosen at sending). */
  painPointTitle: Record<string, string>;
  /** The start of the member's own comment, so they know which one. */
  commentExcerpt: string;
  /** The moderator's reason; null when none was given. */
  reason: string | null;
}

interface Words {
  subject: string;
  lead: (title: string) => string;
  yours: (excerpt: string) => string;
  reason: (reason: string) => string;
  noReason: string;
  rules: string;
  footer: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: 'A moderator hid your comment',
    lead: (title) => `A moderator hid your comment on “${title}”. Other members no longer see its text.`,
    yours: (excerpt) => `Your comment: “${excerpt}”`,
    reason: (reason) => `The moderator’s reason: ${reason}`,
    noReason: 'The moderator gave no reason.',
    rules: 'If you think this is a mistake, reply to the moderators through the community’s contact page.',
    footer:
      'You can turn these notices off: “Unsubscribe” in your mail program, or your notification preferences.',
  },
  fr: {
    subject: 'Un modérateur a masqué votre commentaire',
    lead: (title) =>
      `Un modérateur a masqué votre commentaire sur « ${title} ». Les autres membres n’en voient plus le texte.`,
    yours: (excerpt) => `Votre commentaire : « ${excerpt} »`,
    reason: (reason) => `Motif du modérateur : ${reason}`,
    noReason: 'Le modérateur n’a pas donné de motif.',
    rules:
      'Si vous pensez qu’il s’agit d’une erreur, écrivez aux modérateurs par la page de contact de la communauté.',
    footer:
      'Vous pouvez désactiver ces avis : « Se désabonner » dans votre messagerie, ou vos préférences de notification.',
  },
  es: {
    subject: 'Un moderador ocultó su comentario',
    lead: (title) =>
      `Un moderador ocultó su comentario sobre «${title}». Los demás miembros ya no ven su texto.`,
    yours: (excerpt) => `Su comentario: «${excerpt}»`,
    reason: (reason) => `Motivo del moderador: ${reason}`,
    noReason: 'El moderador no indicó ningún motivo.',
    rules: 'Si cree que es un error, escriba a los moderadores desde la página de contacto de la comunidad.',
    footer:
      'Puede desactivar estos avisos: «Cancelar suscripción» en su programa de correo, o en sus preferencias de notificación.',
  },
  ru: {
    subject: 'Модератор скрыл ваш комментарий',
    lead: (title) =>
      `Модератор скрыл ваш комментарий к «${title}». Другие участники больше не видят его текст.`,
    yours: (excerpt) => `Ваш комментарий: «${excerpt}»`,
    reason: (reason) => `Причина, указанная модератором: ${reason}`,
    noReason: 'Модератор не указал причину.',
    rules: 'Если вы считаете это ошибкой, напишите модераторам через страницу контактов сообщества.',
    footer:
      'Эти уведомления можно отключить: «Отписаться» в почтовой программе или в настройках уведомлений.',
  },
  zh: {
    subject: '版主隐藏了您的评论',
    lead: (title) => `版主隐藏了您在“${title}”下的评论。其他成员将无法再看到其内容。`,
    yours: (excerpt) => `您的评论：“${excerpt}”`,
    reason: (reason) => `版主给出的理由：${reason}`,
    noReason: '版主未说明理由。',
    rules: '如果您认为这是误判，请通过社区的联系页面告知版主。',
    footer: '您可以关闭此类通知：在邮件程序中点击“退订”，或在通知偏好中设置。',
  },
  ar: {
    subject: 'أخفى أحد المشرفين تعليقك',
    lead: (title) => `أخفى أحد المشرفين تعليقك على «${title}». لم يعد الأعضاء الآخرون يرون نصّه.`,
    yours: (excerpt) => `تعليقك: «${excerpt}»`,
    reason: (reason) => `سبب المشرف: ${reason}`,
    noReason: 'لم يذكر المشرف سببًا.',
    rules: 'إذا كنت ترى أن ذلك خطأ، فراسل المشرفين عبر صفحة الاتصال بالمجتمع.',
    footer: 'يمكنك إيقاف هذه الإشعارات: «إلغاء الاشتراك» في برنامج البريد، أو من تفضيلات الإشعارات.',
  },
};

function wordsIn(language: Language) {
  const said = WORDS[language];
  return (input: CommentHiddenData): MailContent => ({
    subject: said.subject,
    greeting: greeting(language, input.displayName),
    paragraphs: [
      said.lead(resolveText(input.painPointTitle, [language]).text),
      said.yours(input.commentExcerpt),
      input.reason ? said.reason(input.reason) : said.noReason,
    ],
    after: [said.rules],
    footer: [said.footer],
  });
}

/**
 * Told to a member when a moderator hides their comment (not for the automatic hide after
 * reports, which is provisional until a moderator reviews it: the notice goes when a moderator
 * confirms the hide). Optional (`moderation`): it carries a one-click unsubscribe.
 */
export const commentHiddenTemplate = defineMailTemplate<CommentHiddenData, UnsubscribeSecrets>({
  name: 'comment-hidden',
  kind: 'moderation',
  languages: inEveryLanguage((language) => wordsIn(language)),
  headers: (input, context) => unsubscribeHeaders(input, context),
  example: {
    data: {
      displayName: 'Ada Lovelace',
      painPointTitle: { en: 'Flooded underpasses after every storm' },
      commentExcerpt: 'Call me on +41 22 000 00 00 for the sensor data',
      reason: 'Personal data',
    },
    secrets: { unsubscribeToken: 'payload.signature' },
  },
});
