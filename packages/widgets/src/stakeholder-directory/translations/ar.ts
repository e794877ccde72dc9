import type { Translation } from '../../internal/i18n';
import type { StakeholderDirectoryMessages } from './en';

export const messages: Translation<StakeholderDirectoryMessages> = {
  heading: 'أصحاب المصلحة',
  searchLabel: 'الاسم أو المدينة أو النبذة',
  search: 'بحث',
  role: 'الدور',
  country: 'البلد',
  organization: 'المنظمة',
  empty: 'لا يوجد أصحاب مصلحة يطابقون هذا البحث.',
  shown: {
    zero: 'لا يُعرض أي صاحب مصلحة',
    one: 'يُعرض صاحب مصلحة واحد',
    two: 'يُعرض صاحبا مصلحة',
    few: 'يُعرض {count} أصحاب مصلحة',
    many: 'يُعرض {count} صاحب مصلحة',
    other: 'يُعرض {count} صاحب مصلحة',
  },
  place: '{city}، {country}',
};
