import type { Translation } from '../../internal/i18n';
import type { PainPointFormMessages } from './en';

export const messages: Translation<PainPointFormMessages> = {
  heading: 'الإبلاغ عن مشكلة',
  requiredNote: 'الحقول المميزة بعلامة * إلزامية.',
  title: 'العنوان',
  titleHint: 'سطر واحد يسمّي الصعوبة.',
  description: 'الوصف',
  descriptionHint: 'ما الذي يحدث، وأين، ومن يتأثر به.',
  language: 'لغة النص',
  domain: 'المجال',
  chooseDomain: 'اختر مجالًا',
  severity: 'درجة الخطورة',
  city: 'المدينة',
  country: 'البلد',
  noCountry: 'بلا بلد',
  submit: 'الإبلاغ عن المشكلة',
  sending: 'جارٍ الإرسال…',
  created: 'شكرًا لك: تم الإبلاغ عن مشكلتك.',
  createdHint: 'يمكن للأعضاء الآن التصويت عليها ومناقشتها.',
  reportAnother: 'الإبلاغ عن مشكلة أخرى',
};
