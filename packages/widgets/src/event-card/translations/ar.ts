import type { Translation } from '../../internal/i18n';
import type { EventCardMessages } from './en';

export const messages: Translation<EventCardMessages> = {
  when: 'الموعد',
  where: 'المكان',
  seatsLeft: {
    zero: 'لم يتبقَّ أي مقعد',
    one: 'بقي مقعد واحد',
    two: 'بقي مقعدان',
    few: 'بقيت {count} مقاعد',
    many: 'بقي {count} مقعدًا',
    other: 'بقي {count} مقعد',
  },
  full: 'اكتمل العدد: التسجيلات الجديدة تنضم إلى قائمة الانتظار.',
  registrationOpens: 'يبدأ التسجيل في {date}.',
  registrationOpenUntil: 'التسجيل مفتوح حتى {date}.',
  registrationOpen: 'التسجيل مفتوح.',
  registrationClosed: 'التسجيل مغلق.',
};
