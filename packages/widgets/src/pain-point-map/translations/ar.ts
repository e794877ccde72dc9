import type { Translation } from '../../internal/i18n';
import type { PainPointMapMessages } from './en';

export const messages: Translation<PainPointMapMessages> = {
  title: 'المشكلات حسب البلد',
  mapLabel: 'خريطة العالم للمشكلات حسب البلد',
  keyboardHint: 'تنقّل بين البلدان التي فيها مشكلات بمفاتيح الأسهم، واضغط Enter لاختيار أحدها.',
  countryPainPoints: {
    zero: '{country}: لا مشكلات',
    one: '{country}: مشكلة واحدة',
    two: '{country}: مشكلتان',
    few: '{country}: {count} مشكلات',
    many: '{country}: {count} مشكلة',
    other: '{country}: {count} مشكلة',
  },
  painPoints: {
    zero: 'لا مشكلات',
    one: 'مشكلة واحدة',
    two: 'مشكلتان',
    few: '{count} مشكلات',
    many: '{count} مشكلة',
    other: '{count} مشكلة',
  },
  legendTitle: 'عدد المشكلات في كل بلد',
  legendNone: 'لا شيء',
  legendRange: '{from}–{to}',
  tableCaption: 'المشكلات حسب البلد، الأكثر أولاً',
  columnCountry: 'البلد',
  columnCount: 'المشكلات',
  withoutCountry: {
    zero: 'لا توجد مشكلة بلا بلد.',
    one: 'مشكلة واحدة لا تذكر أي بلد.',
    two: 'مشكلتان لا تذكران أي بلد.',
    few: '{count} مشكلات لا تذكر أي بلد.',
    many: '{count} مشكلة لا تذكر أي بلد.',
    other: '{count} مشكلة لا تذكر أي بلد.',
  },
  mapUnavailable: 'تعذّر تحميل الخريطة. يسرد الجدول أدناه كل البلدان.',
};
