/**
 * The seed catalogue of the World Smart City Community (`@wsc/models/catalogue`): the three
 * standards bodies, the 2016 World Smart City Forum, real smart-city standards and illustrative
 * sample pain points. A separate entry point so that importing the schemas never pulls this data in.
 *
 * @example
 * import { catalogue } from '@wsc/models/catalogue';
 * catalogue.standards.filter((standard) => standard.domains.includes('water'));
 */
import type { Event } from '../event';
import type { Standard } from '../standard';
import { bodies, type CatalogueOrganization } from './bodies';
import { events } from './events';
import { type SamplePainPoint, samplePainPoints } from './sample-pain-points';
import { standards } from './standards';

export type { CatalogueOrganization, OrganizationFact } from './bodies';
export { bodies, iec, iso, itu } from './bodies';
export { events, forum2016 } from './events';
export type { SamplePainPoint } from './sample-pain-points';
export { samplePainPoints } from './sample-pain-points';
export { PRESS_RELEASE_2016_SOURCE } from './sources';
export { standards } from './standards';

/** Date-based version of the catalogue data: the day the standards list was last checked. */
export const CATALOGUE_VERSION = '2026.11.25';

/** Everything the catalogue holds, e.g. for seeding a database in one call. */
export interface Catalogue {
  version: string;
  bodies: readonly CatalogueOrganization[];
  events: readonly Event[];
  standards: readonly Standard[];
  samplePainPoints: readonly SamplePainPoint[];
}

export const catalogue: Catalogue = {
  version: CATALOGUE_VERSION,
  bodies,
  events,
  standards,
  samplePainPoints,
};
