import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapAdmin, createDatabase, migrate } from '@wsc/server/admin';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'wsc-cli-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, WSC_DATA_DIR: folder, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apps/api CLI (embedded database)', () => {
  beforeAll(async () => {
    const database = await createDatabase({ dataDirectory: folder });
    await migrate(database.db);
    await bootstrapAdmin(database.db, { email: 'ops@example.org', password: 'operations password' });
    await database.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('partners create, keys create and revoke, accounts set-role', () => {
    const created = cli(
      'partners',
      'create',
      '--name',
      'City of Singapore',
      '--origin',
      'https://www.smartnation.gov.sg',
    );
    expect(created.status, created.stderr).toBe(0);
    const { partner, publishableKey } = JSON.parse(created.stdout);
    expect(partner.name).toBe('City of Singapore');
    expect(publishableKey.key).toMatch(/^pk_live_/);
    expect(publishableKey.allowedOrigins).toEqual(['https://www.smartnation.gov.sg']);

    const secret = cli(
      'keys',
      'create',
      '--partner',
      partner.id,
      '--kind',
      'secret',
      '--scope',
      'sso',
      '--scope',
      'webhooks',
    );
    expect(secret.status, secret.stderr).toBe(0);
    const key = JSON.parse(secret.stdout);
    expect(key.key).toMatch(/^sk_live_/);
    expect(key.scopes).toEqual(['sso', 'webhooks']);

    const disabledPartner = cli('partners', 'disable', '--partner', partner.id);
    expect(disabledPartner.status, disabledPartner.stderr).toBe(0);
    expect(JSON.parse(disabledPartner.stdout)).toMatchObject({ id: partner.id, disabled: true });
    const enabledPartner = cli('partners', 'enable', '--partner', partner.id);
    expect(enabledPartner.status, enabledPartner.stderr).toBe(0);
    expect(JSON.parse(enabledPartner.stdout)).toMatchObject({ id: partner.id, disabled: false });
    const unknownPartner = cli('partners', 'disable', '--partner', '00000000-0000-4000-8000-000000000000');
    expect(unknownPartner.status).toBe(2);
    expect(unknownPartner.stderr).toContain('no partner with id');

    const revoked = cli('keys', 'revoke', '--partner', partner.id, '--key', key.id);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(cli('keys', 'revoke', '--partner', partner.id, '--key', key.id).status).toBe(2);

    const roles = cli(
      'accounts',
      'set-role',
      '--email',
      'OPS@example.org',
      '--role',
      'admin',
      '--role',
      'moderator',
    );
    expect(roles.status, roles.stderr).toBe(0);
    expect(JSON.parse(roles.stdout).roles).toEqual(['member', 'admin', 'moderator']);
    const disabled = cli('accounts', 'disable', '--email', 'ops@example.org');
    expect(disabled.status, disabled.stderr).toBe(0);
  });

  test('every CLI action is in the audit log, marked as coming from the CLI', async () => {
    const database = await createDatabase({ dataDirectory: folder });
    try {
      const entries = await database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'subject_type', 'data'])
        .orderBy('at')
        .execute();
      expect(entries.map((entry) => entry.action)).toEqual([
        'partner.created',
        'partner_key.created',
        'partner.updated',
        'partner.updated',
        'partner_key.revoked',
        'account.updated',
        'account.updated',
      ]);
      for (const entry of entries) {
        expect(entry.actor_id).toBeNull();
        expect(entry.data).toMatchObject({ via: 'cli' });
      }
      expect(entries[2]?.data).toMatchObject({ disabled: { from: false, to: true } });
      expect(entries[5]?.data).toMatchObject({ roles: { to: ['member', 'admin', 'moderator'] } });
      expect(entries[6]?.data).toMatchObject({ disabled: true });
    } finally {
      await database.close();
    }
  });

  test('memberships: an organization gets its first manager, its domains, and decisions, all audited', async () => {
    const database = await createDatabase({ dataDirectory: folder });
    try {
      const [lead] = await database.db
        .insertInto('accounts')
        .values({ email: 'lead@iec.ch', email_normalized: 'lead@iec.ch', password_hash: null })
        .returning('id')
        .execute();
      await database.db
        .insertInto('stakeholders')
        .values({ id: lead?.id as string, display_name: 'Lead', role: 'standardization-expert' })
        .execute();
    } finally {
      await database.close();
    }
    const named = cli('memberships', 'add-manager', '--organization', 'iec', '--email', 'Lead@IEC.ch');
    expect(named.status, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({
      organizationId: 'iec',
      status: 'approved',
      role: 'manager',
    });
    const listed = cli('memberships', 'list', '--organization', 'iec', '--status', 'approved');
    expect(JSON.parse(listed.stdout).map((membership: { email: string }) => membership.email)).toEqual([
      'lead@iec.ch',
    ]);
    const refused = cli('memberships', 'refuse', '--organization', 'iec', '--email', 'lead@iec.ch');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Only a pending request can be refused');
    const dismissed = cli('memberships', 'remove-manager', '--organization', 'iec', '--email', 'lead@iec.ch');
    expect(JSON.parse(dismissed.stdout)).toMatchObject({ status: 'approved', role: 'member' });
    const domains = cli('organizations', 'domains', '--organization', 'iec', '--domain', 'IEC.ch');
    expect(domains.status, domains.stderr).toBe(0);
    expect(JSON.parse(domains.stdout).verifiedDomains).toEqual(['iec.ch']);
    expect(cli('memberships', 'list', '--organization', 'iec', '--status', 'maybe').status).toBe(2);

    const audit = await createDatabase({ dataDirectory: folder });
    try {
      const entries = await audit.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'data'])
        .where('subject_type', '=', 'organization')
        .execute();
      expect(entries.map((entry) => entry.action).sort()).toEqual(
        [
          'organization_membership.approved',
          'organization_manager.appointed',
          'organization_manager.dismissed',
          'organization.updated',
        ].sort(),
      );
      for (const entry of entries) {
        expect(entry.actor_id).toBeNull();
        expect(entry.data).toMatchObject({ via: 'cli' });
      }
    } finally {
      await audit.close();
    }
    // Seven CLI runs, each opening the embedded database: slow on a busy 2-core machine.
  }, 180_000);

  test('bad usage exits 2 with the usage text', () => {
    const unknown = cli('keys', 'create', '--partner', 'x', '--kind', 'magic');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--kind must be one of publishable, secret');
    expect(unknown.stderr).toContain('Usage: wsc-api');
    expect(cli().status).toBe(2);
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('partners disable --partner <id>');
    const missing = cli('accounts', 'set-role', '--email', 'nobody@example.org', '--role', 'admin');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no account');
  });
});
