import { zh as labels } from '@wsc/models/locales/zh';
import type { Translation } from '../internal/i18n';
import type { CommonMessages } from './en';

export const messages: Translation<CommonMessages> = {
  loading: '正在加载…',
  retry: '重试',
  close: '关闭',
  cancel: '取消',
  signIn: '登录',
  signOut: '退出登录',
  loadMore: '显示更多',
  noResults: '暂无内容。',
  // Between the parts of a place (venue, city, country).
  placeSeparator: '，',
  allOption: '全部',
  'error.generic': '出现问题，请重试。',
  'error.network': '无法连接社区。请检查网络连接后重试。',
  'error.rateLimited': '请求过多，请稍后再试。',
  'error.forbidden': '您无权执行此操作。',
  'error.notFound': '未找到，可能已被删除。',
  'error.signInRequired': '请先登录。',
  'error.conflict': '内容已发生变化，请刷新后重试。',
  'field.required': '此项为必填项。',
  'field.tooShort': '内容太短。',
  'field.tooLong': '内容太长。',
  'field.invalidFormat': '格式不正确。',
  'field.invalidChoice': '请选择一个选项。',
  'field.invalid': '请检查此项。',
  'form.errorSummary': {
    other: '有 {count} 项需要您注意。',
  },
};
export { labels };
