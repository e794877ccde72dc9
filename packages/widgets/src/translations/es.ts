import { es as labels } from '@wsc/models/locales/es';
import type { Translation } from '../internal/i18n';
import type { CommonMessages } from './en';

export const messages: Translation<CommonMessages> = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  close: 'Cerrar',
  cancel: 'Cancelar',
  signIn: 'Iniciar sesión',
  signOut: 'Cerrar sesión',
  loadMore: 'Mostrar más',
  noResults: 'Todavía no hay nada que mostrar.',
  // Between the parts of a place (venue, city, country).
  placeSeparator: ', ',
  allOption: 'Todos',
  'error.generic': 'Algo salió mal. Inténtelo de nuevo.',
  'error.network': 'No se puede contactar con la comunidad. Compruebe su conexión e inténtelo de nuevo.',
  'error.rateLimited': 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.notFound': 'No se ha encontrado. Puede que se haya eliminado.',
  'error.signInRequired': 'Inicie sesión para hacer esto.',
  'error.conflict': 'Esto ha cambiado mientras tanto. Recargue e inténtelo de nuevo.',
  'field.required': 'Este campo es obligatorio.',
  'field.tooShort': 'Es demasiado corto.',
  'field.tooLong': 'Es demasiado largo.',
  'field.invalidFormat': 'No tiene el formato esperado.',
  'field.invalidChoice': 'Elija una de las opciones.',
  'field.invalid': 'Revise este campo.',
  'form.errorSummary': {
    one: 'Un campo requiere su atención.',
    many: '{count} campos requieren su atención.',
    other: '{count} campos requieren su atención.',
  },
};
export { labels };
