import type { Translation } from '../../internal/i18n';
import type { PainPointFormMessages } from './en';

export const messages: Translation<PainPointFormMessages> = {
  heading: 'Informar de un problema',
  requiredNote: 'Los campos marcados con * son obligatorios.',
  title: 'Título',
  titleHint: 'Una línea que nombre la dificultad.',
  description: 'Descripción',
  descriptionHint: 'Qué ocurre, dónde y a quién afecta.',
  language: 'Idioma de su texto',
  domain: 'Ámbito',
  chooseDomain: 'Elija un ámbito',
  severity: 'Gravedad',
  city: 'Ciudad',
  country: 'País',
  noCountry: 'Ningún país',
  submit: 'Informar del problema',
  sending: 'Enviando…',
  created: 'Gracias: su problema ha quedado registrado.',
  createdHint: 'Los miembros ya pueden votarlo y debatirlo.',
  reportAnother: 'Informar de otro problema',
};
