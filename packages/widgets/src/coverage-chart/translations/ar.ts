import type { Translation } from '../../internal/i18n';
import type { CoverageChartMessages } from './en';

export const messages: Translation<CoverageChartMessages> = {
  heading: 'مدى تغطية المعايير للمشكلات',
  bodies: 'هيئة التقييس',
  joint: 'مشتركة (ISO/IEC)',
  allBodies: 'جميع هيئات التقييس',
  oneBody: 'معايير {body} فقط',
  summary: {
    zero: 'لا توجد مشكلات مفتوحة: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
    one: 'مشكلة مفتوحة واحدة: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
    two: 'مشكلتان مفتوحتان: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
    few: '{count} مشكلات مفتوحة: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
    many: '{count} مشكلة مفتوحة: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
    other: '{count} مشكلة مفتوحة: {full} مغطاة بالكامل، و{partial} مغطاة جزئيًا، و{none} غير مغطاة.',
  },
  chartLabel: 'التغطية حسب المجال، أعمدة مكدسة. {body}. {summary}',
  legend: 'مفتاح الرسم',
  showTable: 'العرض في جدول',
  tableCaption: 'المشكلات المفتوحة حسب المجال ومستوى التغطية. {body}',
  domainColumn: 'المجال',
  totalColumn: 'المجموع',
  allDomains: 'جميع المجالات',
  empty: 'لا توجد بعد مشكلات مفتوحة لعرضها في الرسم.',
  gapsHeading: 'أكبر الثغرات',
  gapsNote: 'مشكلات مفتوحة لا يغطيها أي معيار بالكامل، الأكثر تصويتًا أولًا، لجميع الهيئات معًا.',
  votes: {
    zero: 'لا أصوات',
    one: 'صوت واحد',
    two: 'صوتان',
    few: '{count} أصوات',
    many: '{count} صوتًا',
    other: '{count} صوت',
  },
  unavailable: 'لا يمكن عرض هذه المشكلة.',
};
