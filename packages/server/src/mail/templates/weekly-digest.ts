import { type Language, resolveText } from '@wsc/models';
import { greeting, type MailContent } from '../layout';
import type { UnsubscribeSecrets } from '../member-mail';
import { defineMailTemplate, inEveryLanguage } from '../template-registry';
import { unsubscribeHeaders } from './unsubscribe';

/** One pain point of the digest, as it was when the digest was queued. */
export interface DigestPainPoint {
  [key: string]: unknown;
  id: string;
  title: Record<string, string>;
  domain: string;
  votes: number;
  city: string | null;
  country: string | null;
}

export interface WeeklyDigestData {
  [key: string]: unknown;
  displayName: string;
  /** The ISO week, `2026-W50`. */
  week: string;
  painPoints: DigestPainPoint[];
}

interface Words {
  subject: (count: number) => string;
  lead: string;
  votes: (count: number) => string;
  footer: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: (count) => `This week in the community: ${count} new pain point${count === 1 ? '' : 's'}`,
    lead: 'The most-voted pain points reported this week in your domains and country:',
    votes: (count) => (count === 1 ? '1 vote' : `${count} votes`),
    footer:
      'You asked for this weekly digest. Stop it: “Unsubscribe” in your mail program, or your notification preferences.',
  },
  fr: {
    subject: (count) =>
      `Cette semaine dans la communauté : ${count} ${count === 1 ? 'nouveau point' : 'nouveaux points'} de friction`,
    lead: 'Les points de friction les plus votés signalés cette semaine dans vos domaines et votre pays :',
    votes: (count) => (count <= 1 ? `${count} vote` : `${count} votes`),
    footer:
      'Vous avez demandé ce résumé hebdomadaire. Pour l’arrêter : « Se désabonner » dans votre messagerie, ou vos préférences de notification.',
  },
  es: {
    subject: (count) =>
      `Esta semana en la comunidad: ${count} ${count === 1 ? 'nuevo problema' : 'nuevos problemas'}`,
    lead: 'Los problemas más votados de esta semana en sus ámbitos y su país:',
    votes: (count) => (count === 1 ? '1 voto' : `${count} votos`),
    footer:
      'Usted pidió este resumen semanal. Para detenerlo: «Cancelar suscripción» en su programa de correo, o sus preferencias de notificación.',
  },
  ru: {
    subject: (count) => `Эта неделя в сообществе: новых проблем — ${count}`,
    lead: 'Проблемы этой недели в ваших областях и вашей стране, набравшие больше всего голосов:',
    votes: (count) => `голосов: ${count}`,
    footer:
      'Вы подписались на этот еженедельный обзор. Отписаться: «Отписаться» в почтовой программе или в настройках уведомлений.',
  },
  zh: {
    subject: (count) => `本周社区动态：${count} 个新痛点`,
    lead: '本周在您关注的领域和您所在国家中得票最多的新痛点：',
    votes: (count) => `${count} 票`,
    footer: '这是您订阅的每周摘要。如需停止：在邮件程序中点击“退订”，或在通知偏好中设置。',
  },
  ar: {
    subject: (count) => `هذا الأسبوع في المجتمع: ${count} من نقاط الألم الجديدة`,
    lead: 'نقاط الألم الأكثر تصويتًا التي أُبلغ عنها هذا الأسبوع في مجالاتك وبلدك:',
    votes: (count) => `الأصوات: ${count}`,
    footer: 'طلبت هذا الملخص الأسبوعي. لإيقافه: «إلغاء الاشتراك» في برنامج البريد، أو من تفضيلات الإشعارات.',
  },
};

function wordsIn(language: Language) {
  const said = WORDS[language];
  return (input: WeeklyDigestData): MailContent => ({
    subject: said.subject(input.painPoints.length),
    greeting: greeting(language, input.displayName),
    paragraphs: [
      said.lead,
      ...input.painPoints.map((painPoint, index) => {
        const where = [painPoint.city, painPoint.country].filter(Boolean).join(', ');
        const title = resolveText(painPoint.title, [language]).text;
        return `${index + 1}. ${title}${where ? ` (${where})` : ''} — ${said.votes(painPoint.votes)}`;
      }),
    ],
    footer: [said.footer],
  });
}

/** The opt-in weekly digest (`digest`): optional, with a one-click unsubscribe. */
export const weeklyDigestTemplate = defineMailTemplate<WeeklyDigestData, UnsubscribeSecrets>({
  name: 'weekly-digest',
  kind: 'digest',
  languages: inEveryLanguage((language) => wordsIn(language)),
  headers: (input, context) => unsubscribeHeaders(input, context),
  example: {
    data: {
      displayName: 'Ada Lovelace',
      week: '2027-W02',
      painPoints: [
        {
          id: 'p1',
          title: { en: 'Flooded underpasses' },
          domain: 'water',
          votes: 12,
          city: 'Lagos',
          country: 'NG',
        },
        {
          id: 'p2',
          title: { en: 'No open bus data' },
          domain: 'mobility',
          votes: 1,
          city: null,
          country: 'NG',
        },
      ],
    },
    secrets: { unsubscribeToken: 'payload.signature' },
  },
});
