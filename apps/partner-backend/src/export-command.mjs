// `npm run export -- --country CH --country FR --out pain-points.csv`: the region's pain points
// to a CSV file (or stdout without --out), with a progress bar on stderr.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WscClient } from '@wsc/sdk';
import { EXPORT_PAGE_SIZE, exportPainPoints, parseCountries } from './export.mjs';
import { progressBar } from './progress.mjs';

export const DEFAULT_COUNTRIES = ['CH', 'FR'];

const USAGE = `usage: npm run export -- [--country CH]… [--out pain-points.csv] [--lang fr]
  --country  ISO 3166-1 alpha-2 code, repeatable or comma-separated (default: PARTNER_BACKEND_COUNTRIES or CH,FR)
  --out      the CSV file to write (default: stdout)
  --lang     the language to write titles in when the community has them (ar, zh, en, fr, ru, es)
  reads WSC_API_URL (default http://localhost:8787) and WSC_SECRET_KEY (optional)`;

/**
 * Runs the command; resolves to the exit code. Everything it prints goes to `stderr`, except the
 * CSV itself when there is no `--out`.
 *
 * @param {readonly string[]} argv the arguments after the command name.
 * @param {{ env?: NodeJS.ProcessEnv, stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream & { isTTY?: boolean }, pageSize?: number }} [io]
 * @example
 * const code = await runExport(['--country', 'CH', '--out', 'ch.csv']);
 */
export async function runExport(argv, io = {}) {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let options;
  let countries;
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        country: { type: 'string', multiple: true },
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
    countries = parseCountries(options.country ?? env.PARTNER_BACKEND_COUNTRIES ?? DEFAULT_COUNTRIES);
  } catch (error) {
    stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    stderr.write(`${USAGE}\n`);
    return 0;
  }
  const client = new WscClient({
    baseURL: env.WSC_API_URL || 'http://localhost:8787',
    secretKey: env.WSC_SECRET_KEY || undefined,
    locale: options.lang,
  });
  const progress = progressBar(stderr, `pain points of ${countries.join(', ')}`);
  // npm runs scripts in the app's folder; a relative --out means where the person typed it.
  const out = options.out ? resolve(env.INIT_CWD || process.cwd(), options.out) : undefined;
  const temporary = out ? `${out}.partial` : undefined;
  try {
    const { chunks } = await exportPainPoints(client, {
      countries,
      pageSize: io.pageSize ?? EXPORT_PAGE_SIZE,
      onProgress: progress.update,
    });
    // Written beside the target and renamed at the end: a failed export leaves no half file.
    const output = temporary ? createWriteStream(temporary) : stdout;
    await pipeline(Readable.from(chunks), output, { end: Boolean(temporary) });
    if (temporary && out) await rename(temporary, out);
    progress.done();
    if (out) stderr.write(`wrote ${out}\n`);
    return 0;
  } catch (error) {
    progress.done();
    if (temporary) await rm(temporary, { force: true });
    stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runExport(process.argv.slice(2));
}
