import type { Translation } from '../../internal/i18n';
import type { PainPointMapMessages } from './en';

export const messages: Translation<PainPointMapMessages> = {
  title: '各国痛点',
  mapLabel: '各国痛点世界地图',
  keyboardHint: '用方向键在有痛点的国家之间移动；按回车键选择一个国家。',
  countryPainPoints: { other: '{country}：{count} 个痛点' },
  painPoints: { other: '{count} 个痛点' },
  legendTitle: '每个国家的痛点数',
  legendNone: '无',
  legendRange: '{from}–{to}',
  tableCaption: '各国痛点，按数量从多到少排列',
  columnCountry: '国家',
  columnCount: '痛点',
  withoutCountry: { other: '{count} 个痛点未注明国家。' },
  mapUnavailable: '地图无法加载。下表列出了所有国家。',
};
