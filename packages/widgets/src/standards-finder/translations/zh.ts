import type { Translation } from '../../internal/i18n';
import type { StandardsFinderMessages } from './en';

export const messages: Translation<StandardsFinderMessages> = {
  heading: '查找标准',
  body: '标准组织',
  joint: '联合（ISO/IEC）',
  domain: '领域',
  committee: '委员会',
  committeeHint: '委员会全称，例如 ISO/TC 268',
  words: '关键词',
  search: '搜索',
  shown: { other: '显示 {count} 项标准。' },
  empty: '没有符合此搜索的标准。',
  bodyLabel: '组织',
  statusLabel: '状态',
  'status.published': '已发布',
  'status.under-development': '制定中',
  'status.withdrawn': '已废止',
  addresses: '所解决的痛点',
  noPainPoints: '尚无痛点与其对应。',
  morePainPoints: '还有更多痛点与其对应。',
  painPointsError: '无法加载其痛点。',
  votes: { other: '{count} 票' },
};
