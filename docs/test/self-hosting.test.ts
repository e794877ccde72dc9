// The operators' samples: the admin CLI commands of "Keys" run as a reader runs them (npm run cli,
// from the repository, on an embedded database of their own), the production environment read by the
// server's own parser, every variable the server reads named on the self-hosting page, and the
// backup commands run on PostgreSQL when the tests have one.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { optionsFromEnvironment } from '@wsc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { expandIncludes } from '../scripts/includes.mjs';
import { docsDirectory, repositoryDirectory, sample } from './servers';

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wsc-docs-'));
  folders.push(folder);
  return folder;
}

/** The commands of a shell sample: its non-comment lines. */
function commands(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** The environment variables `optionsFromEnvironment` reads, recorded through a Proxy. */
function variablesTheServerReads(): Set<string> {
  const read = new Set<string>();
  const environment = new Proxy({} as NodeJS.ProcessEnv, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  optionsFromEnvironment(environment);
  return read;
}

describe('create-keys.sh', () => {
  it('creates a partner with a publishable key, then a secret key for it, with the admin CLI', async () => {
    const [createPartner, createSecret] = commands(sample('create-keys.sh'));
    expect(createPartner).toMatch(/^npm run cli -- partners create/);
    const environment = { ...process.env, WSC_DATA_DIR: temporaryFolder(), DATABASE_URL: '' };
    const shell = (command: string) =>
      run('bash', ['-e', '-c', command], { cwd: repositoryDirectory, env: environment, maxBuffer: 1 << 22 });

    const created = await shell(createPartner as string);
    // npm prints the script it runs first; the CLI's answer is the JSON after it.
    const partner = JSON.parse(created.stdout.slice(created.stdout.indexOf('{'))) as {
      partner: { id: string; name: string };
      publishableKey: { key: string; allowedOrigins: string[] };
    };
    expect(partner.partner.name).toBe('City of Geneva');
    expect(partner.publishableKey.key).toMatch(/^pk_live_/);
    expect(partner.publishableKey.allowedOrigins).toEqual(['https://www.geneve.ch']);

    expect(createSecret).toContain('PARTNER_ID');
    const secret = await shell((createSecret as string).replace('PARTNER_ID', partner.partner.id));
    const key = JSON.parse(secret.stdout.slice(secret.stdout.indexOf('{'))) as {
      key: string;
      scopes: string[];
    };
    expect(key.key).toMatch(/^sk_live_/);
    expect(key.scopes).toEqual(['content:read', 'sso', 'webhooks']);
  });
});

describe('production.env and the self-hosting page', () => {
  const file = Object.fromEntries(
    commands(sample('production.env')).map((line) => {
      const [name = '', ...value] = line.split('=');
      return [name, value.join('=')];
    }),
  );

  it('is read by the server as written', () => {
    const options = optionsFromEnvironment(file);
    expect(options.databaseUrl).toBe(file.DATABASE_URL);
    expect(options.redisUrl).toBe(file.REDIS_URL);
    expect(options.publicUrl).toBe(file.WSC_PUBLIC_URL);
    expect(options.rateLimit).toBe(Number(file.WSC_RATE_LIMIT));
    expect(options.admin).toEqual({ email: file.WSC_ADMIN_EMAIL, password: file.WSC_ADMIN_PASSWORD });
    expect(options.trustProxy).toBe(true);
  });

  it('holds only variables the API reads', () => {
    const known = new Set([...variablesTheServerReads(), 'PORT', 'HOST']);
    for (const name of Object.keys(file)) expect(known, name).toContain(name);
  });

  it('names every variable the server reads, with PORT and HOST of the runnable API', () => {
    const page = expandIncludes(join(docsDirectory, 'self-hosting.md'));
    const variables = [...variablesTheServerReads(), 'PORT', 'HOST'];
    expect(variables.length).toBeGreaterThan(10);
    for (const name of variables) expect(page, name).toContain(`\`${name}\``);
  });
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
if (!databaseUrl || !hasPgDump)
  console.warn('SKIPPED: backup.sh on PostgreSQL — set TEST_DATABASE_URL and install the PostgreSQL client.');

describe.skipIf(!databaseUrl || !hasPgDump)('backup.sh on PostgreSQL', () => {
  it('dumps the database into a readable archive', async () => {
    const folder = temporaryFolder();
    await run('bash', ['-e', '-c', sample('backup.sh')], {
      cwd: folder,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(existsSync(join(folder, 'wsc-backup.dump'))).toBe(true);
  });
});
