import type { Translation } from '../../internal/i18n';
import type { CoverageChartMessages } from './en';

export const messages: Translation<CoverageChartMessages> = {
  heading: '标准对痛点的覆盖情况',
  bodies: '标准组织',
  joint: '联合（ISO/IEC）',
  allBodies: '所有标准组织',
  oneBody: '仅 {body} 标准',
  summary: {
    other: '{count} 个未关闭的痛点：完全覆盖 {full} 个，部分覆盖 {partial} 个，未覆盖 {none} 个。',
  },
  chartLabel: '按领域的覆盖情况，堆叠条形图。{body}。{summary}',
  legend: '图例',
  showTable: '以表格显示',
  tableCaption: '按领域和覆盖程度统计的未关闭痛点。{body}',
  domainColumn: '领域',
  totalColumn: '合计',
  allDomains: '所有领域',
  empty: '目前还没有可供绘制的未关闭痛点。',
  gapsHeading: '最大的空白',
  gapsNote: '尚无标准完全覆盖的未关闭痛点，按票数从高到低排列，涵盖所有标准组织。',
  votes: { other: '{count} 票' },
  unavailable: '无法显示此痛点。',
};
