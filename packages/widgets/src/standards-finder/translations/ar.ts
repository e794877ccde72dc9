import type { Translation } from '../../internal/i18n';
import type { StandardsFinderMessages } from './en';

export const messages: Translation<StandardsFinderMessages> = {
  heading: 'البحث عن المعايير',
  body: 'هيئة التقييس',
  joint: 'مشتركة (ISO/IEC)',
  domain: 'المجال',
  committee: 'اللجنة',
  committeeHint: 'اسمها الكامل، مثل ISO/TC 268',
  words: 'كلمات البحث',
  search: 'بحث',
  shown: {
    zero: 'لا يُعرض أي معيار.',
    one: 'يُعرض معيار واحد.',
    two: 'يُعرض معياران.',
    few: 'تُعرض {count} معايير.',
    many: 'يُعرض {count} معيارًا.',
    other: 'يُعرض {count} معيار.',
  },
  empty: 'لا يوجد معيار يطابق هذا البحث.',
  bodyLabel: 'الهيئة',
  statusLabel: 'الحالة',
  'status.published': 'منشور',
  'status.under-development': 'قيد الإعداد',
  'status.withdrawn': 'ملغى',
  addresses: 'المشكلات التي يعالجها',
  noPainPoints: 'لم تُربط به أي مشكلة بعد.',
  morePainPoints: 'رُبطت به مشكلات أخرى.',
  painPointsError: 'تعذّر تحميل المشكلات المرتبطة به.',
  votes: {
    zero: 'لا أصوات',
    one: 'صوت واحد',
    two: 'صوتان',
    few: '{count} أصوات',
    many: '{count} صوتًا',
    other: '{count} صوت',
  },
};
