import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, migrate, seed } from '@wsc/server/admin';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'wsc-cli-events-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, WSC_DATA_DIR: folder, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wsc-api events import', () => {
  beforeAll(async () => {
    const database = await createDatabase({ dataDirectory: folder });
    await migrate(database.db);
    await seed(database.db);
    await database.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('imports the good rows, reports the bad ones by line, draws progress on stderr', () => {
    const rows = Array.from(
      { length: 1200 },
      (_, index) => `world-cities-summit,WCS-2016-${String(index).padStart(5, '0')},Attendee ${index},`,
    );
    rows.splice(2, 0, 'world-cities-summit,,No reference,');
    rows.splice(5, 0, 'world-economic-forum,WEF-1,Not co-located,');
    rows.push('singapore-international-water-week,SIWW-1,Bad e-mail,not-an-email');
    const file = path.join(folder, 'wcs.csv');
    writeFileSync(file, `eventCode,reference,name,email\n${rows.join('\n')}\n`);

    const result = cli(
      'events',
      'import',
      '--event',
      'world-smart-city-forum-2016',
      '--kind',
      'co-located-registrants',
      '--file',
      file,
    );
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      kind: 'co-located-registrants',
      eventId: 'world-smart-city-forum-2016',
      rows: 1203,
      imported: 1200,
    });
    expect(report.failed.map((failure: { line: number }) => failure.line)).toEqual([4, 7, 1204]);
    expect(result.stderr).toContain(
      'co-located-registrants [##############################] 1203/1203 rows 100%',
    );
    expect(result.stderr).toContain('line 7: eventCode: Not an event held alongside this one');
    expect(result.stderr).toContain('1200 of 1203 rows imported, 3 refused');
  });

  test('a clean list exits 0; a wrong kind or a missing file is a usage error', () => {
    const file = path.join(folder, 'codes.csv');
    writeFileSync(file, 'code,maxUses,issuedBy\nITU-2016-0042,10,ITU\n');
    const ok = cli(
      'events',
      'import',
      '--event',
      'world-smart-city-forum-2016',
      '--kind',
      'invitation-codes',
      '--file',
      file,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 1, failed: [] });
    expect(
      cli('events', 'import', '--event', 'world-smart-city-forum-2016', '--kind', 'tickets', '--file', file)
        .status,
    ).toBe(2);
    expect(
      cli(
        'events',
        'import',
        '--event',
        'world-smart-city-forum-2016',
        '--kind',
        'invitation-codes',
        '--file',
        '/nope.csv',
      ).status,
    ).toBe(2);
    const unknownEvent = cli(
      'events',
      'import',
      '--event',
      'no-such-event',
      '--kind',
      'invitation-codes',
      '--file',
      file,
    );
    expect(unknownEvent.status).toBe(1);
    expect(unknownEvent.stderr).toContain('No event has the id or slug "no-such-event"');
  });
});
