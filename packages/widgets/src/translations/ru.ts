import { ru as labels } from '@wsc/models/locales/ru';
import type { Translation } from '../internal/i18n';
import type { CommonMessages } from './en';

export const messages: Translation<CommonMessages> = {
  loading: 'Загрузка…',
  retry: 'Повторить',
  close: 'Закрыть',
  cancel: 'Отмена',
  signIn: 'Войти',
  signOut: 'Выйти',
  loadMore: 'Показать ещё',
  noResults: 'Пока здесь ничего нет.',
  // Between the parts of a place (venue, city, country).
  placeSeparator: ', ',
  allOption: 'Все',
  'error.generic': 'Что-то пошло не так. Попробуйте ещё раз.',
  'error.network': 'Сообщество недоступно. Проверьте подключение и попробуйте ещё раз.',
  'error.rateLimited': 'Слишком много запросов. Подождите немного и попробуйте снова.',
  'error.forbidden': 'У вас нет прав на это действие.',
  'error.notFound': 'Не найдено. Возможно, это было удалено.',
  'error.signInRequired': 'Войдите, чтобы сделать это.',
  'error.conflict': 'Данные изменились. Обновите страницу и попробуйте ещё раз.',
  'field.required': 'Это обязательное поле.',
  'field.tooShort': 'Слишком коротко.',
  'field.tooLong': 'Слишком длинно.',
  'field.invalidFormat': 'Неверный формат.',
  'field.invalidChoice': 'Выберите один из вариантов.',
  'field.invalid': 'Проверьте это поле.',
  'form.errorSummary': {
    one: '{count} поле требует внимания.',
    few: '{count} поля требуют внимания.',
    many: '{count} полей требуют внимания.',
    other: '{count} поля требуют внимания.',
  },
};
export { labels };
