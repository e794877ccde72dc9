import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { entityTag } from '../http/etag';

/** The content codings an embed file can be served in. */
export type EmbedCoding = 'br' | 'gzip' | 'identity';

/** The bytes of one representation of an embed file and their strong ETag. */
export interface EmbedRepresentation {
  body: Buffer;
  etag: string;
}

/** A built embed file held in memory, with its precompressed siblings. */
export interface EmbedFile {
  contentType: string;
  cacheControl: string;
  encodings: { identity: EmbedRepresentation; br?: EmbedRepresentation; gzip?: EmbedRepresentation };
}

/** The loader's URL never changes: short, so a new release reaches partner pages within minutes. */
export const LOADER_CACHE_CONTROL = 'public, max-age=300';
/** Chunks and assets carry a content hash in their names: cached for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** The loader, at the top of the folder; everything else lives in these folders. */
const LOADER = 'wsc.js';
const HASHED_FOLDERS = ['chunks', 'assets'] as const;
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * True for a file name the embed routes may serve: letters, digits, `.`, `_` and `-`, no leading
 * dot and no `..`.
 *
 * @example
 * isSafeName('board-ABC123.js'); // true
 * isSafeName('.hidden'); // false
 */
export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.startsWith('.') && !name.includes('..');
}

async function safeFileNames(folder: string): Promise<Set<string>> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    // Plain files only: no folders, no symbolic links out of the build.
    return new Set(
      entries.filter((entry) => entry.isFile() && isSafeName(entry.name)).map((entry) => entry.name),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

async function readRepresentation(file: string): Promise<EmbedRepresentation> {
  const body = await readFile(file);
  return { body, etag: entityTag(body) };
}

async function readEmbedFile(
  folder: string,
  name: string,
  names: ReadonlySet<string>,
  cacheControl: string,
): Promise<EmbedFile> {
  const file: EmbedFile = {
    contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
    cacheControl,
    encodings: { identity: await readRepresentation(path.join(folder, name)) },
  };
  if (names.has(`${name}.br`)) file.encodings.br = await readRepresentation(path.join(folder, `${name}.br`));
  if (names.has(`${name}.gz`))
    file.encodings.gzip = await readRepresentation(path.join(folder, `${name}.gz`));
  return file;
}

/** A `.br` or `.gz` file next to the file it compresses (and not a file of its own). */
function isSibling(name: string, names: ReadonlySet<string>): boolean {
  return (name.endsWith('.br') || name.endsWith('.gz')) && names.has(name.slice(0, -3));
}

/**
 * Reads the built embed files into memory, keyed by their path under `/embed/v1/`: `wsc.js`,
 * `chunks/<name>` and `assets/<name>`, each with its `.br` and `.gz` siblings when they exist.
 * Files with other names are left out. A missing folder yields no files.
 *
 * @example
 * const files = await loadEmbedFiles('packages/widgets/dist/embed');
 * files.get('chunks/board-ABC123.js')?.encodings.gzip;
 */
export async function loadEmbedFiles(directory: string): Promise<Map<string, EmbedFile>> {
  const files = new Map<string, EmbedFile>();
  const top = await safeFileNames(directory);
  if (top.has(LOADER)) files.set(LOADER, await readEmbedFile(directory, LOADER, top, LOADER_CACHE_CONTROL));
  for (const folderName of HASHED_FOLDERS) {
    const folder = path.join(directory, folderName);
    const names = await safeFileNames(folder);
    for (const name of names) {
      if (isSibling(name, names)) continue;
      files.set(`${folderName}/${name}`, await readEmbedFile(folder, name, names, IMMUTABLE_CACHE_CONTROL));
    }
  }
  return files;
}

/**
 * The path under `/embed/v1/` if it may name an embed file (`wsc.js`, `chunks/<safe name>`,
 * `assets/<safe name>`), else undefined.
 *
 * @example
 * embedPath('chunks/../../package.json'); // undefined
 */
export function embedPath(wanted: string): string | undefined {
  if (wanted === LOADER) return wanted;
  const [folder, name, ...rest] = wanted.split('/');
  if (rest.length > 0 || name === undefined || !isSafeName(name)) return undefined;
  return (HASHED_FOLDERS as readonly (string | undefined)[]).includes(folder) ? wanted : undefined;
}

/** Whether `Accept-Encoding` allows `coding` (a q-value above 0, or `*` above 0 when not listed). */
function accepts(acceptEncoding: string, coding: string): boolean {
  let listed: number | undefined;
  let any: number | undefined;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const allowed = Number.isFinite(weight) ? weight : 0;
    if (name === coding) listed = allowed;
    else if (name === '*') any = allowed;
  }
  return (listed ?? any ?? 0) > 0;
}

/**
 * The coding to answer with: brotli when the file has a `.br` and the request allows `br`, else
 * gzip likewise, else the plain file.
 *
 * @example
 * chooseCoding(file, 'gzip, deflate, br'); // 'br' when the file has a .br sibling
 */
export function chooseCoding(file: EmbedFile, acceptEncoding: string | undefined): EmbedCoding {
  if (!acceptEncoding) return 'identity';
  if (file.encodings.br && accepts(acceptEncoding, 'br')) return 'br';
  if (file.encodings.gzip && accepts(acceptEncoding, 'gzip')) return 'gzip';
  return 'identity';
}
