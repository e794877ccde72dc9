import type { Messages } from './en';

export const zh: Messages = {
  title: '智慧城市标准门户',
  intro: 'IEC、ISO 和 ITU 的标准覆盖了城市反映的哪些问题，以及社区投票最多的问题。',
  language: '语言',
  gapReport: '差距报告',
  gapReportIntro: '各领域问题被标准覆盖的程度。',
  topPainPoints: '各领域得票最多的问题',
  topPainPointsIntro: '每个领域得票最多的三个问题，随投票实时更新。',
  board: '某一领域的问题',
  boardDomain: '领域',
  loading: '正在加载…',
  empty: '暂无问题。',
  failed: '无法加载问题。',
  votes: { other: '{count} 票' },
  moved: '{title} 现在在 {domain} 中排名第 {rank}。',
  entered: '{title} 以第 {rank} 名进入 {domain} 的前列。',
  live: '实时',
  offline: '正在重新连接…',
};
