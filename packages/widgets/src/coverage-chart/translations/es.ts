import type { Translation } from '../../internal/i18n';
import type { CoverageChartMessages } from './en';

export const messages: Translation<CoverageChartMessages> = {
  heading: 'Cuánto cubren las normas los problemas',
  bodies: 'Organismo de normalización',
  joint: 'Conjunto (ISO/IEC)',
  allBodies: 'Todos los organismos',
  oneBody: 'Solo normas {body}',
  summary: {
    one: 'Un problema abierto: {full} cubierto, {partial} parcialmente cubierto, {none} sin cobertura.',
    many: '{count} problemas abiertos: {full} cubiertos, {partial} parcialmente cubiertos, {none} sin cobertura.',
    other:
      '{count} problemas abiertos: {full} cubiertos, {partial} parcialmente cubiertos, {none} sin cobertura.',
  },
  chartLabel: 'Cobertura por ámbito, barras apiladas. {body}. {summary}',
  legend: 'Leyenda',
  showTable: 'Ver como tabla',
  tableCaption: 'Problemas abiertos por ámbito y cobertura. {body}',
  domainColumn: 'Ámbito',
  totalColumn: 'Total',
  allDomains: 'Todos los ámbitos',
  empty: 'Todavía no hay ningún problema abierto que representar.',
  gapsHeading: 'Mayores carencias',
  gapsNote:
    'Problemas abiertos que ninguna norma cubre por completo, los más votados primero, todos los organismos juntos.',
  votes: { one: 'un voto', many: '{count} votos', other: '{count} votos' },
  unavailable: 'Este problema no se puede mostrar.',
};
