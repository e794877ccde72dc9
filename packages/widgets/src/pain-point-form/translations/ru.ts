import type { Translation } from '../../internal/i18n';
import type { PainPointFormMessages } from './en';

export const messages: Translation<PainPointFormMessages> = {
  heading: 'Сообщить о проблеме',
  requiredNote: 'Поля, отмеченные *, обязательны.',
  title: 'Заголовок',
  titleHint: 'Одна строка, называющая проблему.',
  description: 'Описание',
  descriptionHint: 'Что происходит, где и кого это затрагивает.',
  language: 'Язык вашего текста',
  domain: 'Область',
  chooseDomain: 'Выберите область',
  severity: 'Серьёзность',
  city: 'Город',
  country: 'Страна',
  noCountry: 'Страна не указана',
  submit: 'Сообщить о проблеме',
  sending: 'Отправка…',
  created: 'Спасибо: ваше сообщение о проблеме принято.',
  createdHint: 'Теперь участники могут голосовать за неё и обсуждать её.',
  reportAnother: 'Сообщить о другой проблеме',
};
