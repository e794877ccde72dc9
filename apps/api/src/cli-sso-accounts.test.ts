import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, createPartnerRecord, migrate } from '@wsc/server/admin';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'wsc-cli-sso-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, WSC_DATA_DIR: folder, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apps/api CLI: the accounts a partner minted through SSO (embedded database)', () => {
  let partnerId: string;

  beforeAll(async () => {
    const database = await createDatabase({ dataDirectory: folder });
    try {
      await migrate(database.db);
      partnerId = (await createPartnerRecord(database.db, { name: 'Bulk partner' })).id;
      // Three accounts as the partner's single sign-on mints them: an account, its profile, the link.
      for (const externalUserId of ['u1', 'u2', 'u3']) {
        const { id } = await database.db
          .insertInto('accounts')
          .values({ email: `${externalUserId}@partner.example.org` })
          .returning('id')
          .executeTakeFirstOrThrow();
        await database.db
          .insertInto('stakeholders')
          .values({ id, display_name: externalUserId, role: 'citizen', partner_id: partnerId })
          .execute();
        await database.db
          .insertInto('partner_identities')
          .values({ partner_id: partnerId, external_user_id: externalUserId, account_id: id })
          .execute();
      }
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('partners sso-accounts and suspend-sso-accounts, audited as the CLI', async () => {
    const before = cli('partners', 'sso-accounts', '--partner', partnerId);
    expect(before.status, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ partnerId, minted: 3, active: 3, suspended: 0 });

    const noReason = cli('partners', 'suspend-sso-accounts', '--partner', partnerId);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain('--reason is required');
    const unknown = cli('partners', 'sso-accounts', '--partner', '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no partner with id');

    const suspended = cli(
      'partners',
      'suspend-sso-accounts',
      '--partner',
      partnerId,
      '--reason',
      'Bulk accounts',
    );
    expect(suspended.status, suspended.stderr).toBe(0);
    expect(JSON.parse(suspended.stdout)).toMatchObject({
      partnerId,
      suspendedAccounts: 3,
      reason: 'Bulk accounts',
    });
    expect(JSON.parse(cli('partners', 'sso-accounts', '--partner', partnerId).stdout)).toMatchObject({
      active: 0,
      suspended: 3,
    });

    const database = await createDatabase({ dataDirectory: folder });
    try {
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'data'])
        .where('action', '=', 'partner.sso_accounts_suspended')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: null, data: { via: 'cli', reason: 'Bulk accounts' } });
    } finally {
      await database.close();
    }
  });

  test('partners lift-sso-suspension restores the accounts, audited as the CLI, and says when there is nothing to lift', async () => {
    const lifted = cli('partners', 'lift-sso-suspension', '--partner', partnerId);
    expect(lifted.status, lifted.stderr).toBe(0);
    expect(JSON.parse(lifted.stdout)).toMatchObject({ partnerId, restoredAccounts: 3 });
    expect(JSON.parse(cli('partners', 'sso-accounts', '--partner', partnerId).stdout)).toMatchObject({
      active: 3,
      suspended: 0,
      suspension: null,
    });
    const again = cli('partners', 'lift-sso-suspension', '--partner', partnerId);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('are not suspended');

    const database = await createDatabase({ dataDirectory: folder });
    try {
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['actor_id', 'data'])
        .where('action', '=', 'partner.sso_accounts_restored')
        .execute();
      expect(audit).toEqual([
        {
          actor_id: null,
          data: expect.objectContaining({ via: 'cli', suspensionReason: 'Bulk accounts' }),
        },
      ]);
    } finally {
      await database.close();
    }
  });
});
