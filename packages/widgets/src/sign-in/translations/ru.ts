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
  forgotPassword: 'Забыли пароль?',
  resetTitle: 'Сброс пароля',
  resetNote:
    'Введите адрес электронной почты вашей учётной записи: мы отправим на него ссылку для выбора нового пароля.',
  sendResetLink: 'Отправить ссылку',
  resetSent:
    'Если этот адрес принадлежит учётной записи, ссылка для сброса пароля уже отправлена. Проверьте почту.',
  backToSignIn: 'Вернуться ко входу',
  tooManyRequests: 'Слишком много запросов для этого адреса. Повторите через час.',
};
