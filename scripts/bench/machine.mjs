// What the benchmark ran on: CPU, memory, Node, OS, databases, load. Read once at the start and
// once at the end of `npm run bench` (the load average tells how shared the machine was).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// pg is the server's dependency; resolve it (and PGlite) from there, not from the root.
const requireFromServer = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const pg = requireFromServer('pg');

function operatingSystem() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch {
    // Not Linux, or no os-release: the kernel's own description follows.
  }
  return `${os.type()} ${os.release()} (${os.arch()})`;
}

/** The installed version of a package, read from its package.json (resolved from the server). */
function packageVersion(name) {
  // Not `name/package.json`: a package whose "exports" does not list it refuses that subpath.
  try {
    let folder = path.dirname(requireFromServer.resolve(name));
    while (folder !== path.dirname(folder)) {
      const manifest = path.join(folder, 'package.json');
      if (existsSync(manifest)) {
        const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8'));
        if (found === name) return version;
      }
      folder = path.dirname(folder);
    }
  } catch {
    // Not installed where the server resolves it.
  }
  return 'unknown';
}

/** PostgreSQL's `server_version` at `url`, or why it could not be read. */
async function postgresVersion(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    return `PostgreSQL ${rows[0].server_version}`;
  } catch (error) {
    return `PostgreSQL unreachable at TEST_DATABASE_URL (${error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/**
 * The machine's description as label/value rows for docs/parts/performance-report.md.
 *
 * @example
 * const machine = await describeMachine({ databaseUrl: process.env.TEST_DATABASE_URL, loadAtStart });
 */
export async function describeMachine({ databaseUrl, loadAtStart }) {
  const cpus = os.cpus();
  const models = [...new Set(cpus.map((cpu) => cpu.model.trim()))].join(', ');
  const databases = [`PGlite ${packageVersion('@electric-sql/pglite')} (embedded, in a temporary folder)`];
  if (databaseUrl) databases.unshift(await postgresVersion(databaseUrl));
  else databases.push('PostgreSQL not measured: TEST_DATABASE_URL is not set');
  return [
    { label: 'CPU', value: `${cpus.length} × ${models}` },
    { label: 'memory', value: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB` },
    { label: 'Node', value: process.version },
    { label: 'OS', value: operatingSystem() },
    { label: 'databases', value: databases.join('; ') },
    {
      label: 'load average (1, 5, 15 min)',
      value: `${loadAtStart} at the start, ${loadAverage()} at the end (other work shares this machine)`,
    },
  ];
}

export { loadAverage };
