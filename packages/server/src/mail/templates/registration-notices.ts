import type { Language } from '@wsc/models';
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

/** What a registration notice renders: the member, the event as it was, the waitlist place. */
export interface RegistrationNoticeData extends EventSnapshot {
  [key: string]: unknown;
  displayName: string;
  waitlistPosition: number | null;
}

type Change = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled';

interface Words {
  subject: Record<Change, (event: string) => string>;
  lead: Record<Change, (event: string) => string>;
  position: (place: number) => string;
  when: string;
  where: string;
  calendar: string;
  attached: string;
  footer: string;
}

// Registration notices are transactional (the member's own seat): no unsubscribe link.
const WORDS: Record<Language, Words> = {
  en: {
    subject: {
      confirmed: (event) => `Your seat at ${event} is confirmed`,
      waitlisted: (event) => `You are on the waiting list for ${event}`,
      promoted: (event) => `A seat came free: you are registered for ${event}`,
      cancelled: (event) => `Your registration for ${event} is cancelled`,
    },
    lead: {
      confirmed: (event) => `Your registration for ${event} is confirmed.`,
      waitlisted: (event) =>
        `${event} is full for now: you are on the waiting list. We will write to you if a seat comes free.`,
      promoted: (event) => `A seat came free at ${event} and it is yours: your registration is confirmed.`,
      cancelled: (event) =>
        `Your registration for ${event} is cancelled. You can register again while registration is open.`,
    },
    position: (place) => `Your place on the waiting list: ${place}.`,
    when: 'When',
    where: 'Where',
    calendar: 'Add to your calendar',
    attached: 'The event is attached as a calendar file (.ics).',
    footer: 'You get this mail because of your registration in the World Smart City Community.',
  },
  fr: {
    subject: {
      confirmed: (event) => `Votre place à ${event} est confirmée`,
      waitlisted: (event) => `Vous êtes sur la liste d’attente de ${event}`,
      promoted: (event) => `Une place s’est libérée : vous êtes inscrit à ${event}`,
      cancelled: (event) => `Votre inscription à ${event} est annulée`,
    },
    lead: {
      confirmed: (event) => `Votre inscription à ${event} est confirmée.`,
      waitlisted: (event) =>
        `${event} est complet pour l’instant : vous êtes sur la liste d’attente. Nous vous écrirons si une place se libère.`,
      promoted: (event) =>
        `Une place s’est libérée à ${event} et elle est à vous : votre inscription est confirmée.`,
      cancelled: (event) =>
        `Votre inscription à ${event} est annulée. Vous pouvez vous réinscrire tant que les inscriptions sont ouvertes.`,
    },
    position: (place) => `Votre rang sur la liste d’attente : ${place}.`,
    when: 'Quand',
    where: 'Où',
    calendar: 'Ajouter à votre agenda',
    attached: 'L’événement est joint sous forme de fichier d’agenda (.ics).',
    footer: 'Vous recevez ce message en raison de votre inscription dans la World Smart City Community.',
  },
  es: {
    subject: {
      confirmed: (event) => `Su plaza en ${event} está confirmada`,
      waitlisted: (event) => `Está en la lista de espera de ${event}`,
      promoted: (event) => `Se liberó una plaza: está inscrito en ${event}`,
      cancelled: (event) => `Su inscripción en ${event} está cancelada`,
    },
    lead: {
      confirmed: (event) => `Su inscripción en ${event} está confirmada.`,
      waitlisted: (event) =>
        `${event} está completo por ahora: está en la lista de espera. Le escribiremos si se libera una plaza.`,
      promoted: (event) => `Se liberó una plaza en ${event} y es suya: su inscripción está confirmada.`,
      cancelled: (event) =>
        `Su inscripción en ${event} está cancelada. Puede volver a inscribirse mientras la inscripción esté abierta.`,
    },
    position: (place) => `Su lugar en la lista de espera: ${place}.`,
    when: 'Cuándo',
    where: 'Dónde',
    calendar: 'Añadir a su calendario',
    attached: 'El evento va adjunto como archivo de calendario (.ics).',
    footer: 'Recibe este mensaje por su inscripción en la World Smart City Community.',
  },
  ru: {
    subject: {
      confirmed: (event) => `Ваше место на мероприятии «${event}» подтверждено`,
      waitlisted: (event) => `Вы в листе ожидания мероприятия «${event}»`,
      promoted: (event) => `Освободилось место: вы зарегистрированы на «${event}»`,
      cancelled: (event) => `Ваша регистрация на «${event}» отменена`,
    },
    lead: {
      confirmed: (event) => `Ваша регистрация на «${event}» подтверждена.`,
      waitlisted: (event) =>
        `Мест на «${event}» пока нет: вы в листе ожидания. Мы напишем вам, если место освободится.`,
      promoted: (event) => `На «${event}» освободилось место, и оно ваше: ваша регистрация подтверждена.`,
      cancelled: (event) =>
        `Ваша регистрация на «${event}» отменена. Вы можете зарегистрироваться снова, пока регистрация открыта.`,
    },
    position: (place) => `Ваше место в листе ожидания: ${place}.`,
    when: 'Когда',
    where: 'Где',
    calendar: 'Добавить в календарь',
    attached: 'Мероприятие приложено файлом календаря (.ics).',
    footer: 'Вы получили это письмо из-за вашей регистрации в World Smart City Community.',
  },
  zh: {
    subject: {
      confirmed: (event) => `您在${event}的席位已确认`,
      waitlisted: (event) => `您已进入${event}的候补名单`,
      promoted: (event) => `有席位空出：您已成功报名${event}`,
      cancelled: (event) => `您对${event}的报名已取消`,
    },
    lead: {
      confirmed: (event) => `您对${event}的报名已确认。`,
      waitlisted: (event) => `${event}目前已满：您已进入候补名单。有席位空出时我们会通知您。`,
      promoted: (event) => `${event}有席位空出，已分配给您：您的报名已确认。`,
      cancelled: (event) => `您对${event}的报名已取消。报名开放期间您可以重新报名。`,
    },
    position: (place) => `您在候补名单中的位置：第 ${place} 位。`,
    when: '时间',
    where: '地点',
    calendar: '添加到日历',
    attached: '活动已作为日历文件（.ics）附上。',
    footer: '您收到此邮件，是因为您在世界智慧城市社区报名了活动。',
  },
  ar: {
    subject: {
      confirmed: (event) => `تم تأكيد مقعدك في ${event}`,
      waitlisted: (event) => `أنت على قائمة الانتظار لـ ${event}`,
      promoted: (event) => `أصبح مقعد متاحًا: تم تسجيلك في ${event}`,
      cancelled: (event) => `تم إلغاء تسجيلك في ${event}`,
    },
    lead: {
      confirmed: (event) => `تم تأكيد تسجيلك في ${event}.`,
      waitlisted: (event) => `${event} مكتمل حاليًا: أنت على قائمة الانتظار. سنراسلك إذا أصبح مقعد متاحًا.`,
      promoted: (event) => `أصبح مقعد متاحًا في ${event} وهو لك: تم تأكيد تسجيلك.`,
      cancelled: (event) => `تم إلغاء تسجيلك في ${event}. يمكنك التسجيل من جديد ما دام التسجيل مفتوحًا.`,
    },
    position: (place) => `ترتيبك على قائمة الانتظار: ${place}.`,
    when: 'الموعد',
    where: 'المكان',
    calendar: 'إضافة إلى التقويم',
    attached: 'الفعالية مرفقة كملف تقويم (.ics).',
    footer: 'تصلك هذه الرسالة بسبب تسجيلك في مجتمع المدن الذكية العالمي.',
  },
};

function words(change: Change, language: Language) {
  return (input: RegistrationNoticeData, { publicUrl }: MailRenderContext): MailContent => {
    const said = WORDS[language];
    const title = eventTitle(input.event, language);
    const paragraphs = [said.lead[change](title)];
    if (change === 'waitlisted' && input.waitlistPosition !== null) {
      paragraphs.push(said.position(input.waitlistPosition));
    }
    paragraphs.push(`${said.when}: ${eventWhen(input.event, language)}`);
    const where = eventWhere(input.event);
    if (where) paragraphs.push(`${said.where}: ${where}`);
    return {
      subject: said.subject[change](title),
      greeting: greeting(language, input.displayName),
      paragraphs,
      action:
        change === 'cancelled'
          ? undefined
          : { label: said.calendar, url: calendarLink(input.event, publicUrl) },
      after: change === 'cancelled' ? undefined : [said.attached],
      footer: [said.footer],
    };
  };
}

function registrationTemplate(change: Change) {
  const languages = inEveryLanguage((language) => words(change, language));
  return defineMailTemplate<RegistrationNoticeData>({
    name: `registration-${change}`,
    kind: 'registration',
    languages,
    // The calendar file comes with every notice, the cancellation included (to find the entry to remove).
    attachments: (input, context) => [eventCalendarAttachment(input, context)],
    example: {
      data: {
        ...exampleEventSnapshot,
        displayName: 'Ada Lovelace',
        waitlistPosition: change === 'waitlisted' ? 3 : null,
      },
      secrets: {},
    },
  });
}

/** A seat was taken at registration. */
export const registrationConfirmedTemplate = registrationTemplate('confirmed');
/** The event was full: a waitlist place, with its number. */
export const registrationWaitlistedTemplate = registrationTemplate('waitlisted');
/** A seat came free and went to this waitlisted member. */
export const registrationPromotedTemplate = registrationTemplate('promoted');
/** The member gave up the seat or place (or deleted the account). */
export const registrationCancelledTemplate = registrationTemplate('cancelled');

/** The registration notice template for each change. */
export const registrationNoticeTemplates = {
  confirmed: registrationConfirmedTemplate,
  waitlisted: registrationWaitlistedTemplate,
  promoted: registrationPromotedTemplate,
  cancelled: registrationCancelledTemplate,
} as const;
