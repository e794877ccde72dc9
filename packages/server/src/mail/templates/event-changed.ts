import type { Event, Language } from '@wsc/models';
import { greeting, type MailContent } from '../layout';
import { defineMailTemplate, inEveryLanguage, type MailRenderContext } from '../template-registry';
import {
  calendarLink,
  type EventSnapshot,
  eventCalendarAttachment,
  eventTitle,
  eventWhen,
  eventWhere,
  exampleEventSnapshot,
} from './event-mail';

/** What the event was before the change (the fields a registrant plans around). */
export type EventPlace = Pick<Event, 'startsAt' | 'endsAt' | 'timeZone' | 'venue' | 'city' | 'country'>;

/** An event-change notice: the event as it is now, as it was, and the registrant's name. */
export interface EventChangedData extends EventSnapshot {
  [key: string]: unknown;
  displayName: string;
  previous: EventPlace;
}

interface Words {
  subject: (event: string) => string;
  lead: (event: string) => string;
  now: string;
  before: string;
  when: string;
  where: string;
  calendar: string;
  attached: string;
  footer: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: (event) => `${event} has changed: new time or place`,
    lead: (event) => `The organisers changed the time or place of ${event}, for which you are registered.`,
    now: 'Now',
    before: 'Before',
    when: 'when',
    where: 'where',
    calendar: 'Update your calendar',
    attached: 'The updated event is attached as a calendar file (.ics): opening it replaces the old entry.',
    footer: 'You get this mail because you are registered for this event in the World Smart City Community.',
  },
  fr: {
    subject: (event) => `${event} a changé : nouvelle date ou nouveau lieu`,
    lead: (event) => `Les organisateurs ont changé la date ou le lieu de ${event}, auquel vous êtes inscrit.`,
    now: 'Désormais',
    before: 'Auparavant',
    when: 'quand',
    where: 'où',
    calendar: 'Mettre à jour votre agenda',
    attached:
      'L’événement mis à jour est joint en fichier d’agenda (.ics) : l’ouvrir remplace l’ancienne entrée.',
    footer:
      'Vous recevez ce message parce que vous êtes inscrit à cet événement dans la World Smart City Community.',
  },
  es: {
    subject: (event) => `${event} ha cambiado: nueva fecha o lugar`,
    lead: (event) => `Los organizadores cambiaron la fecha o el lugar de ${event}, en el que está inscrito.`,
    now: 'Ahora',
    before: 'Antes',
    when: 'cuándo',
    where: 'dónde',
    calendar: 'Actualizar su calendario',
    attached:
      'El evento actualizado va adjunto como archivo de calendario (.ics): al abrirlo sustituye la entrada anterior.',
    footer: 'Recibe este mensaje porque está inscrito en este evento de la World Smart City Community.',
  },
  ru: {
    subject: (event) => `«${event}»: изменились время или место`,
    lead: (event) =>
      `Организаторы изменили время или место мероприятия «${event}», на которое вы зарегистрированы.`,
    now: 'Теперь',
    before: 'Было',
    when: 'когда',
    where: 'где',
    calendar: 'Обновить календарь',
    attached:
      'Обновлённое мероприятие приложено файлом календаря (.ics): откройте его, чтобы заменить старую запись.',
    footer:
      'Вы получили это письмо, потому что зарегистрированы на это мероприятие в World Smart City Community.',
  },
  zh: {
    subject: (event) => `${event}有变动：时间或地点已更改`,
    lead: (event) => `您已报名的${event}，主办方更改了时间或地点。`,
    now: '现在',
    before: '原先',
    when: '时间',
    where: '地点',
    calendar: '更新您的日历',
    attached: '更新后的活动已作为日历文件（.ics）附上：打开即可替换原有日程。',
    footer: '您收到此邮件，是因为您在世界智慧城市社区报名了此活动。',
  },
  ar: {
    subject: (event) => `تغيّر موعد أو مكان ${event}`,
    lead: (event) => `غيّر المنظمون موعد أو مكان ${event} الذي سجّلت فيه.`,
    now: 'الآن',
    before: 'سابقًا',
    when: 'الموعد',
    where: 'المكان',
    calendar: 'تحديث التقويم',
    attached: 'الفعالية المحدّثة مرفقة كملف تقويم (.ics): فتحه يستبدل الإدخال القديم.',
    footer: 'تصلك هذه الرسالة لأنك مسجّل في هذه الفعالية في مجتمع المدن الذكية العالمي.',
  },
};

function wordsIn(language: Language) {
  const said = WORDS[language];
  return (input: EventChangedData, { publicUrl }: MailRenderContext): MailContent => {
    const title = eventTitle(input.event, language);
    const describe = (place: EventPlace) =>
      [`${said.when}: ${eventWhen(place, language)}`, `${said.where}: ${eventWhere(place) || '—'}`].join(
        ' · ',
      );
    return {
      subject: said.subject(title),
      greeting: greeting(language, input.displayName),
      paragraphs: [
        said.lead(title),
        `${said.now} — ${describe(input.event)}`,
        `${said.before} — ${describe(input.previous)}`,
      ],
      action: { label: said.calendar, url: calendarLink(input.event, publicUrl) },
      after: [said.attached],
      footer: [said.footer],
    };
  };
}

const languages = inEveryLanguage((language) => wordsIn(language));

/**
 * Told to every registrant (confirmed or waitlisted) when an event's time or place changes.
 * Transactional: it is about the member's own registration, so it has no unsubscribe link.
 */
export const eventChangedTemplate = defineMailTemplate<EventChangedData>({
  name: 'event-changed',
  kind: 'event-change',
  languages,
  attachments: (input, context) => [eventCalendarAttachment(input, context)],
  example: {
    data: {
      ...exampleEventSnapshot,
      displayName: 'Ada Lovelace',
      previous: {
        startsAt: '2027-07-06T09:00:00+08:00',
        endsAt: '2027-07-08T18:00:00+08:00',
        timeZone: 'Asia/Singapore',
        venue: 'Suntec Convention Centre',
        city: 'Singapore',
        country: 'SG',
      },
    },
    secrets: {},
  },
});
