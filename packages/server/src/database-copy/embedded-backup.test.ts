import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { postPainPoint } from '../community/fixtures';
import { createDatabase } from '../database/create-database';
import { type SignedUp, signUp, type TestServer } from '../test-support';
import { builtApiIncludes, startApiProcess } from '../test-support/api-process';
import { backupEmbeddedDatabase } from './embedded-backup';

const SERVER_OPTIONS = { logLevel: 'silent', rateLimit: false, firstPageCacheMilliseconds: 0 } as const;

describe.skipIf(!builtApiIncludes('pglite.pid'))('db backup of the embedded database', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-backup-'));
  const destination = path.join(folder, 'backup');
  const dataDirectory = path.join(folder, 'data');
  let member: SignedUp;
  let listBefore: string;

  beforeAll(async () => {
    const database = await createDatabase({ dataDirectory });
    const app = (await createServer({ ...SERVER_OPTIONS, database })) as unknown as TestServer;
    try {
      member = await signUp(app);
      await postPainPoint(app, member.headers, { title: { en: 'Backed up' } });
      listBefore = (await app.inject({ url: '/v1/pain-points', headers: member.headers })).body;
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('refused while the API runs on the folder, naming its process; nothing is written', async () => {
    const api = await startApiProcess({ WSC_DATA_DIR: dataDirectory, DATABASE_URL: '' });
    try {
      const refusal = backupEmbeddedDatabase({ dataDirectory, destination });
      await expect(refusal).rejects.toThrow(
        `the embedded database in ${dataDirectory} is in use by process ${api.child.pid} (the running API)`,
      );
      await expect(refusal).rejects.toThrow(/Stop the API, run db backup again/);
      expect(existsSync(destination)).toBe(false);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });

  test('once the API stopped: a data folder the API opens, holding the same, compared table by table', async () => {
    const backup = await backupEmbeddedDatabase({ dataDirectory, destination });
    expect(backup.destination).toBe(destination);
    expect(backup.verification.differences).toEqual([]);
    expect(backup.verification.checks.filter((check) => !check.matches)).toEqual([]);
    expect(
      backup.verification.checks.filter((check) => check.kind === 'table').length,
    ).toBeGreaterThanOrEqual(38);

    const restored = await createServer({ ...SERVER_OPTIONS, dataDirectory: destination });
    try {
      expect((await restored.inject({ url: '/v1/pain-points', headers: member.headers })).body).toBe(
        listBefore,
      );
    } finally {
      await restored.close();
    }
  });

  test('refuses a destination that holds files, and a folder without a database', async () => {
    const used = path.join(folder, 'used');
    mkdirSync(used);
    writeFileSync(path.join(used, 'notes.txt'), 'keep me');
    await expect(backupEmbeddedDatabase({ dataDirectory, destination: used })).rejects.toThrow(
      `${used} is not empty: back up into a new folder`,
    );
    await expect(
      backupEmbeddedDatabase({
        dataDirectory: path.join(folder, 'nothing'),
        destination: path.join(folder, 'x'),
      }),
    ).rejects.toThrow(`there is no embedded database in ${path.join(folder, 'nothing')}`);
  });
});
