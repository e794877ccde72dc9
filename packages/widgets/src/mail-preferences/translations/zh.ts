import type { Translation } from '../../internal/i18n';
import type { MailPreferencesMessages } from './en';

export const messages: Translation<MailPreferencesMessages> = {
  heading: '社区发送的电子邮件',
  signedOut: '登录后即可查看并选择社区向您发送的电子邮件。',
  address: '发送至',
  addressState: '地址状态',
  confirmed: '已确认',
  unconfirmed: '尚未确认：请打开我们发送到此地址的邮件中的链接。',
  sendAgain: '重新发送确认邮件',
  confirmationSent: '新的确认邮件已发出。请查看您的邮箱。',
  alreadyConfirmed: '您的地址已经确认。',
  tooManyRequests: '此电子邮件地址的请求过多。请一小时后再试。',
  optionalMail: '可选择的邮件',
  moderation: '版主隐藏我的评论时通知我，并说明原因',
  digest: '每周摘要：得票最多的新痛点',
  digestDomains: '摘要涵盖的领域',
  digestDomainsHint: '不选择即涵盖所有领域。您个人资料中的国家或地区也会缩小摘要范围。',
  alwaysSent: '始终发送：账户邮件（地址确认、密码重置）、您的活动报名，以及您已报名活动的变更。',
  partnerInformsYou: '您是通过一个会自行通知您的合作伙伴加入的：社区只向您发送账户所需的邮件。',
  save: '保存我的选择',
  saving: '正在保存…',
  saved: '您的选择已保存。',
};
