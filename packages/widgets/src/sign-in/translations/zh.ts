import type { Translation } from '../../internal/i18n';
import type { SignInDialogMessages } from './en';

export const messages: Translation<SignInDialogMessages> = {
  title: '世界智慧城市社区',
  join: '加入',
  email: '电子邮件',
  password: '密码',
  passwordHint: '至少 10 个字符。',
  displayName: '您的姓名',
  displayNameHint: '其他成员会看到此名称。',
  role: '您的角色',
  chooseRole: '请选择您的角色',
  country: '国家或地区（可选）',
  notGiven: '不填写',
  city: '城市（可选）',
  joinNote: '加入免费。',
  wrongCredentials: '电子邮件或密码错误。请检查后重试。',
  emailTaken: '此电子邮件已被其他账户使用。请改为登录。',
  forgotPassword: '忘记密码？',
  resetTitle: '重置密码',
  resetNote: '请输入您账户的电子邮件地址：我们会向其发送一个设置新密码的链接。',
  sendResetLink: '发送链接',
  resetSent: '如果有账户使用此电子邮件地址，重置密码的链接已发出。请查看您的邮箱。',
  backToSignIn: '返回登录',
  tooManyRequests: '此电子邮件地址的请求过多。请一小时后再试。',
};
