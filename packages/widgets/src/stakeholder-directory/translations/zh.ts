import type { Translation } from '../../internal/i18n';
import type { StakeholderDirectoryMessages } from './en';

export const messages: Translation<StakeholderDirectoryMessages> = {
  heading: '利益相关方',
  searchLabel: '姓名、城市或简介',
  search: '搜索',
  role: '角色',
  country: '国家或地区',
  organization: '组织',
  empty: '没有符合此搜索条件的利益相关方。',
  shown: { other: '显示 {count} 位利益相关方' },
  place: '{city}，{country}',
};
