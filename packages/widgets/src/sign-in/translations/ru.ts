import type { Translation } from '../../internal/i18n';
import type { SignInDialogMessages } from './en';

export const messages: Translation<SignInDialogMessages> = {
  title: 'Сообщество World Smart City',
  join: 'Вступить',
  email: 'Электронная почта',
  password: 'Пароль',
  passwordHint: 'Не менее 10 символов.',
  displayName: 'Ваше имя',
  displayNameHint: 'Его увидят другие участники.',
  role: 'Ваша роль',
  chooseRole: 'Выберите роль',
  country: 'Страна (необязательно)',
  notGiven: 'Не указана',
  city: 'Город (необязательно)',
  joinNote: 'Участие бесплатное.',
  wrongCredentials: 'Неверный адрес электронной почты или пароль. Проверьте их и попробуйте ещё раз.',
  emailTaken: 'Этот адрес уже используется другим аккаунтом. Войдите в него.',
};
