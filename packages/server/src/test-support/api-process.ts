// The real API as a child process (apps/api's dist/main.js on the built @wsc/server), for tests
// that kill it with SIGKILL and start it again (webhook and mail durability). Not exported from
// `@wsc/server/test-support`: it needs this repository's build.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../../apps/api/dist/main.js', import.meta.url));
const SERVER_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** True when apps/api is built on a @wsc/server build whose code contains `marker` (the feature under test). */
export function builtApiIncludes(marker: string): boolean {
  if (!existsSync(MAIN) || !existsSync(SERVER_DIST)) return false;
  return readdirSync(SERVER_DIST)
    .filter((name) => name.endsWith('.js'))
    .some((name) => readFileSync(path.join(SERVER_DIST, name), 'utf8').includes(marker));
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/**
 * Starts the API on a free port (rate limits off, warnings only) with `environment` added;
 * resolves once it listens, rejects with its output when it exits first or takes 60 s.
 *
 * @example
 * const api = await startApiProcess({ DATABASE_URL });
 * api.child.kill('SIGKILL');
 */
export async function startApiProcess(environment: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WSC_RATE_LIMIT: 'off',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, url, exited };
}

/** Polls `condition` until it holds; throws naming `what` after `timeoutMilliseconds`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMilliseconds: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
