import type { Messages } from './en';

export const ar: Messages = {
  title: 'بوابة معايير المدن الذكية',
  intro: 'ما تغطيه معايير IEC وISO وITU مما تبلّغ عنه المدن، وما يصوّت له المجتمع أكثر من غيره.',
  language: 'اللغة',
  gapReport: 'تقرير الفجوات',
  gapReportIntro: 'مدى تغطية المعايير لمشكلات كل مجال.',
  topPainPoints: 'المشكلات الأكثر تصويتًا حسب المجال',
  topPainPointsIntro: 'المشكلات الثلاث الأكثر حصولًا على الأصوات في كل مجال، تُحدَّث مع كل تصويت.',
  board: 'مشكلات مجال',
  boardDomain: 'المجال',
  loading: 'جارٍ التحميل…',
  empty: 'لا توجد مشكلات بعد.',
  failed: 'تعذّر تحميل المشكلات.',
  votes: {
    zero: '{count} صوت',
    one: 'صوت واحد',
    two: 'صوتان',
    few: '{count} أصوات',
    many: '{count} صوتًا',
    other: '{count} صوت',
  },
  moved: 'أصبحت {title} في المرتبة {rank} في مجال {domain}.',
  entered: 'دخلت {title} قائمة الأعلى في مجال {domain} في المرتبة {rank}.',
  live: 'مباشر',
  offline: 'جارٍ إعادة الاتصال…',
};
