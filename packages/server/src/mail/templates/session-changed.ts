import { type Language, type LocalizedText, resolveText } from '@wsc/models';
import { greeting, type MailContent } from '../layout';
import { defineMailTemplate, inEveryLanguage, type MailRenderContext } from '../template-registry';
import {
  calendarLink,
  type EventSnapshot,
  eventCalendarAttachment,
  eventTitle,
  eventWhen,
  exampleEventSnapshot,
} from './event-mail';

/** The fields of a session a registrant plans their day around. */
export interface SessionPlace {
  startsAt: string;
  endsAt: string;
  room: string | null;
}

/** A session-change notice: the event as it is now (sessions included), the session before and after. */
export interface SessionChangedData extends EventSnapshot {
  [key: string]: unknown;
  displayName: string;
  session: { title: LocalizedText; previous: SessionPlace; current: SessionPlace };
}

interface Words {
  subject: (session: string, event: string) => string;
  lead: (session: string, event: string) => string;
  now: string;
  before: string;
  when: string;
  room: string;
  noRoom: string;
  calendar: string;
  attached: string;
  footer: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    subject: (session, event) => `${event}: “${session}” has a new time or room`,
    lead: (session, event) =>
      `The organisers of ${event}, for which you are registered, changed the time or room of the session “${session}”.`,
    now: 'Now',
    before: 'Before',
    when: 'when',
    room: 'room',
    noRoom: 'not given',
    calendar: 'Update your calendar',
    attached:
      'The updated programme is attached as a calendar file (.ics): opening it replaces the old entries.',
    footer: 'You get this mail because you are registered for this event in the World Smart City Community.',
  },
  fr: {
    subject: (session, event) => `${event} : « ${session} » change d’horaire ou de salle`,
    lead: (session, event) =>
      `Les organisateurs de ${event}, auquel vous êtes inscrit, ont changé l’horaire ou la salle de la séance « ${session} ».`,
    now: 'Désormais',
    before: 'Auparavant',
    when: 'quand',
    room: 'salle',
    noRoom: 'non précisée',
    calendar: 'Mettre à jour votre agenda',
    attached:
      'Le programme mis à jour est joint en fichier d’agenda (.ics) : l’ouvrir remplace les anciennes entrées.',
    footer:
      'Vous recevez ce message parce que vous êtes inscrit à cet événement dans la World Smart City Community.',
  },
  es: {
    subject: (session, event) => `${event}: «${session}» cambia de horario o de sala`,
    lead: (session, event) =>
      `Los organizadores de ${event}, en el que está inscrito, cambiaron el horario o la sala de la sesión «${session}».`,
    now: 'Ahora',
    before: 'Antes',
    when: 'cuándo',
    room: 'sala',
    noRoom: 'sin indicar',
    calendar: 'Actualizar su calendario',
    attached:
      'El programa actualizado va adjunto como archivo de calendario (.ics): al abrirlo sustituye las entradas anteriores.',
    footer: 'Recibe este mensaje porque está inscrito en este evento de la World Smart City Community.',
  },
  ru: {
    subject: (session, event) => `«${event}»: у сессии «${session}» новое время или зал`,
    lead: (session, event) =>
      `Организаторы мероприятия «${event}», на которое вы зарегистрированы, изменили время или зал сессии «${session}».`,
    now: 'Теперь',
    before: 'Было',
    when: 'когда',
    room: 'зал',
    noRoom: 'не указан',
    calendar: 'Обновить календарь',
    attached:
      'Обновлённая программа приложена файлом календаря (.ics): откройте его, чтобы заменить старые записи.',
    footer:
      'Вы получили это письмо, потому что зарегистрированы на это мероприятие в World Smart City Community.',
  },
  zh: {
    subject: (session, event) => `${event}：“${session}”的时间或会议室已更改`,
    lead: (session, event) => `您已报名的${event}，主办方更改了分会“${session}”的时间或会议室。`,
    now: '现在',
    before: '原先',
    when: '时间',
    room: '会议室',
    noRoom: '未注明',
    calendar: '更新您的日历',
    attached: '更新后的日程已作为日历文件（.ics）附上：打开即可替换原有日程。',
    footer: '您收到此邮件，是因为您在世界智慧城市社区报名了此活动。',
  },
  ar: {
    subject: (session, event) => `${event}: تغيّر موعد أو قاعة جلسة «${session}»`,
    lead: (session, event) => `غيّر منظمو ${event}، الذي سجّلت فيه، موعد أو قاعة جلسة «${session}».`,
    now: 'الآن',
    before: 'سابقًا',
    when: 'الموعد',
    room: 'القاعة',
    noRoom: 'غير محددة',
    calendar: 'تحديث التقويم',
    attached: 'البرنامج المحدّث مرفق كملف تقويم (.ics): فتحه يستبدل الإدخالات القديمة.',
    footer: 'تصلك هذه الرسالة لأنك مسجّل في هذه الفعالية في مجتمع المدن الذكية العالمي.',
  },
};

function wordsIn(language: Language) {
  const said = WORDS[language];
  return (input: SessionChangedData, { publicUrl }: MailRenderContext): MailContent => {
    const event = eventTitle(input.event, language);
    const session = resolveText(input.session.title, [language]).text;
    // Session times in the event's own zone, the zone named (`eventWhen`), in the reader's language.
    const describe = (place: SessionPlace) =>
      [
        `${said.when}: ${eventWhen({ ...place, timeZone: input.event.timeZone }, language)}`,
        `${said.room}: ${place.room || said.noRoom}`,
      ].join(' · ');
    return {
      subject: said.subject(session, event),
      greeting: greeting(language, input.displayName),
      paragraphs: [
        said.lead(session, event),
        `${said.now} — ${describe(input.session.current)}`,
        `${said.before} — ${describe(input.session.previous)}`,
      ],
      action: { label: said.calendar, url: calendarLink(input.event, publicUrl) },
      after: [said.attached],
      footer: [said.footer],
    };
  };
}

/**
 * Told to every registrant (confirmed or waitlisted) when a session of the event moves in time
 * or to another room, with the event's updated `.ics` (the programme included). Transactional,
 * like `event-changed`: it is about the member's own registration, so it has no unsubscribe link.
 */
export const sessionChangedTemplate = defineMailTemplate<SessionChangedData>({
  name: 'session-changed',
  kind: 'event-change',
  languages: inEveryLanguage((language) => wordsIn(language)),
  attachments: (input, context) => [eventCalendarAttachment(input, context)],
  example: {
    data: {
      ...exampleEventSnapshot,
      displayName: 'Ada Lovelace',
      session: {
        title: {
          en: 'Water networks',
          fr: 'Réseaux d’eau',
          es: 'Redes de agua',
          ru: 'Водопроводные сети',
          zh: '供水网络',
          ar: 'شبكات المياه',
        },
        previous: {
          startsAt: '2027-07-13T10:00:00+08:00',
          endsAt: '2027-07-13T11:00:00+08:00',
          room: 'Hall A',
        },
        current: {
          startsAt: '2027-07-14T14:00:00+08:00',
          endsAt: '2027-07-14T15:30:00+08:00',
          room: 'Hall B',
        },
      },
    },
    secrets: {},
  },
});
