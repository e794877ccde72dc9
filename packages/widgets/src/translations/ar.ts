import { ar as labels } from '@wsc/models/locales/ar';
import type { Translation } from '../internal/i18n';
import type { CommonMessages } from './en';

export const messages: Translation<CommonMessages> = {
  loading: 'جارٍ التحميل…',
  retry: 'أعد المحاولة',
  close: 'إغلاق',
  cancel: 'إلغاء',
  signIn: 'تسجيل الدخول',
  signOut: 'تسجيل الخروج',
  loadMore: 'عرض المزيد',
  noResults: 'لا يوجد ما يُعرض بعد.',
  // Between the parts of a place (venue, city, country).
  placeSeparator: '، ',
  allOption: 'الكل',
  'error.generic': 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  'error.network': 'تعذّر الوصول إلى المجتمع. تحقّق من اتصالك وأعد المحاولة.',
  'error.rateLimited': 'طلبات كثيرة جدًا. انتظر قليلًا ثم أعد المحاولة.',
  'error.forbidden': 'غير مسموح لك بهذا الإجراء.',
  'error.notFound': 'لم يُعثر على هذا العنصر. ربما حُذف.',
  'error.signInRequired': 'يُرجى تسجيل الدخول للقيام بذلك.',
  'error.conflict': 'تغيّر هذا في الأثناء. أعد التحميل وحاول مرة أخرى.',
  'field.required': 'هذا الحقل مطلوب.',
  'field.tooShort': 'النص قصير جدًا.',
  'field.tooLong': 'النص طويل جدًا.',
  'field.invalidFormat': 'الصيغة غير صحيحة.',
  'field.invalidChoice': 'اختر أحد الخيارات.',
  'field.invalid': 'تحقّق من هذا الحقل.',
  'form.errorSummary': {
    zero: 'لا توجد حقول تحتاج إلى انتباهك.',
    one: 'حقل واحد يحتاج إلى انتباهك.',
    two: 'حقلان يحتاجان إلى انتباهك.',
    few: '{count} حقول تحتاج إلى انتباهك.',
    many: '{count} حقلًا يحتاج إلى انتباهك.',
    other: '{count} حقل يحتاج إلى انتباهك.',
  },
};
export { labels };
