import type { Translation } from '../../internal/i18n';
import type { PainPointFormMessages } from './en';

export const messages: Translation<PainPointFormMessages> = {
  heading: '报告痛点',
  requiredNote: '标有 * 的字段为必填项。',
  title: '标题',
  titleHint: '用一行文字说明困难。',
  description: '描述',
  descriptionHint: '发生了什么、在哪里、影响了谁。',
  language: '文本语言',
  domain: '领域',
  chooseDomain: '请选择领域',
  severity: '严重程度',
  city: '城市',
  country: '国家或地区',
  noCountry: '未指定',
  submit: '提交痛点',
  sending: '正在发送…',
  created: '谢谢：您的痛点已提交。',
  createdHint: '成员现在可以为其投票并参与讨论。',
  reportAnother: '再报告一个痛点',
};
