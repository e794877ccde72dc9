// The region's pain points as CSV, walked through the SDK's auto-pagination. Shared by the
// `npm run export` command and the back end's `/export.csv` download.
import { csvHeader, csvRow } from './csv.mjs';

/** Largest page the API serves: the fewest requests for a long export. */
export const EXPORT_PAGE_SIZE = 100;

/** A value that is not an ISO 3166-1 alpha-2 code; `value` names it for a translated message. */
export class CountryCodeError extends RangeError {
  /** @param {string} value */
  constructor(value) {
    super(`"${value}" is not a country code: give ISO 3166-1 alpha-2 codes such as CH or FR`);
    this.name = 'CountryCodeError';
    this.value = value;
  }
}

/**
 * Reads country codes from `CH`, `ch,fr` or a list of them; throws a clear error for anything else.
 *
 * @param {string | readonly string[] | undefined} input
 * @returns {string[]}
 * @example
 * parseCountries(['CH', 'fr,de']); // ['CH', 'FR', 'DE']
 */
export function parseCountries(input) {
  const values = (typeof input === 'string' ? [input] : (input ?? []))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
  const wrong = values.find((value) => !/^[A-Z]{2}$/.test(value));
  if (wrong !== undefined) throw new CountryCodeError(wrong);
  return [...new Set(values)];
}

/**
 * @typedef {object} PainPointExport
 * @property {number} total how many rows the community counted before the walk.
 * @property {AsyncGenerator<string, void, undefined>} chunks the header, then one chunk per page.
 */

/**
 * Counts the region's pain points (one request), then returns the CSV as chunks, one per page
 * of the list, country after country, newest first. `onProgress` hears the rows written so far.
 *
 * @param {import('@wsc/sdk').WscClient} client
 * @param {{ countries: readonly string[], pageSize?: number, onProgress?: (done: number, total: number) => void }} options
 * @returns {Promise<PainPointExport>}
 * @example
 * const { total, chunks } = await exportPainPoints(client, { countries: ['CH', 'FR'] });
 * for await (const chunk of chunks) output.write(chunk);
 */
export async function exportPainPoints(client, { countries, pageSize = EXPORT_PAGE_SIZE, onProgress }) {
  if (countries.length === 0) throw new RangeError('Name at least one country (--country CH)');
  const counts = await client.painPoints.countries();
  const total = counts.data
    .filter((entry) => countries.includes(entry.country))
    .reduce((sum, entry) => sum + entry.count, 0);
  async function* chunks() {
    let done = 0;
    onProgress?.(done, total);
    yield csvHeader();
    for (const country of countries) {
      // 'new' keeps the order stable while the walk goes on (votes reorder 'top').
      for await (const page of client.painPoints.list({ country, sort: 'new', limit: pageSize }).pages()) {
        done += page.data.length;
        yield page.data.map(csvRow).join('');
        onProgress?.(done, total);
      }
    }
  }
  return { total, chunks: chunks() };
}
