import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestServer, type SignedUp, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl)
  console.warn('SKIPPED: the CLI and the API on one PostgreSQL (set TEST_DATABASE_URL to run it)');

function sameRoles(left: readonly string[], right: readonly string[] | undefined): boolean {
  return (
    right !== undefined && left.length === right.length && left.every((role, index) => role === right[index])
  );
}

/** Every order of the items (a handful: 4 items, 24 orders). */
function orders<Item>(items: readonly Item[]): Item[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * `accounts set-role|disable|enable` and `PATCH /v1/accounts/{id}` are one service: the same
 * audit record, and changes that take turns on the account's row. The CLI runs as its own process
 * next to a running server on one PostgreSQL schema (the embedded database admits one process).
 */
describe.skipIf(!postgresUrl)('apps/api CLI: accounts through the service of PATCH /v1/accounts/{id}', () => {
  let app: TestServer;
  let admin: SignedUp;
  let databaseUrl: string;

  function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl, WSC_DATA_DIR: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  function auditOf(accountId: string) {
    return app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'data'])
      .where('action', '=', 'account.updated')
      .where('subject_id', '=', accountId)
      .orderBy('at')
      .execute();
  }

  beforeAll(async () => {
    app = await createTestServer({ kind: 'postgres' });
    const url = new URL(postgresUrl ?? '');
    url.searchParams.set('options', `-c search_path=${app.testDatabase.location}`);
    databaseUrl = url.toString();
  }, 60_000);
  beforeEach(async () => {
    await app.reset();
    admin = await signUp(app, { roles: ['admin'] });
  });
  afterAll(() => app?.dispose());

  test('the CLI writes the audit record the route writes, marked as coming from the CLI', async () => {
    const byRoute = await signUp(app);
    const byCli = await signUp(app);
    for (const accountRoles of [['expert'], undefined]) {
      const change = accountRoles ? { accountRoles } : { disabled: true };
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/accounts/${byRoute.accountId}`,
        headers: admin.headers,
        payload: change,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const roles = await cli('accounts', 'set-role', '--email', byCli.email, '--role', 'expert');
    expect(roles.status, roles.stderr).toBe(0);
    expect(JSON.parse(roles.stdout)).toEqual({ id: byCli.accountId, roles: ['member', 'expert'] });
    const disabled = await cli('accounts', 'disable', '--email', byCli.email);
    expect(disabled.status, disabled.stderr).toBe(0);
    expect(JSON.parse(disabled.stdout)).toEqual({ id: byCli.accountId, disabled: true });

    const routeEntries = await auditOf(byRoute.accountId);
    const cliEntries = await auditOf(byCli.accountId);
    expect(routeEntries.map((entry) => entry.actor_id)).toEqual([admin.accountId, admin.accountId]);
    expect(cliEntries.map((entry) => entry.actor_id)).toEqual([null, null]);
    for (const entry of cliEntries) expect(entry.data).toMatchObject({ via: 'cli' });
    const withoutOperator = cliEntries.map(({ data }) => {
      const { via: _via, operator: _operator, ...rest } = data as Record<string, unknown>;
      return rest;
    });
    expect(withoutOperator).toEqual(routeEntries.map((entry) => entry.data));
    expect(withoutOperator).toEqual([
      { roles: { from: ['member'], to: ['member', 'expert'] }, disabled: false },
      { roles: { from: ['member', 'expert'], to: ['member', 'expert'] }, disabled: true },
    ]);
    // Disabled by the CLI as by the route: its tokens stop at once.
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: byCli.headers });
    expect(me.statusCode).toBe(401);
  });

  test('set-role and disable at once, from the CLI and the route: none is lost, each audit sees the one before', async () => {
    const member = await signUp(app);
    const answers = await Promise.all([
      cli('accounts', 'set-role', '--email', member.email, '--role', 'moderator'),
      cli('accounts', 'disable', '--email', member.email),
      cli('accounts', 'set-role', '--email', member.email, '--role', 'expert'),
      app.inject({
        method: 'PATCH',
        url: `/v1/accounts/${member.accountId}`,
        headers: admin.headers,
        payload: { accountRoles: ['admin'] },
      }),
    ]);
    for (const answer of answers.slice(0, 3)) {
      const { status, stderr } = answer as { status: number | null; stderr: string };
      expect(status, stderr).toBe(0);
    }
    expect((answers[3] as { statusCode: number }).statusCode).toBe(200);

    const account = await app.db
      .selectFrom('accounts')
      .select(['roles', 'disabled_at'])
      .where('id', '=', member.accountId)
      .executeTakeFirstOrThrow();
    expect(account.disabled_at).not.toBeNull();
    const entries = (await auditOf(member.accountId)).map(
      (entry) => entry.data as { roles: { from: string[]; to: string[] }; disabled: boolean },
    );
    expect(entries).toHaveLength(4);
    // One history: the changes took turns, each reading the roles the one before it wrote (the
    // audit's `at` is when a transaction began, not when it committed: find the order that chains).
    const chained = orders(entries).find((order) =>
      order.every((entry, index) =>
        sameRoles(entry.roles.from, index === 0 ? ['member'] : order[index - 1]?.roles.to),
      ),
    );
    expect(chained, JSON.stringify(entries)).toBeDefined();
    const roles = chained?.at(-1)?.roles.to;
    const disabled = chained?.at(-1)?.disabled;
    expect(account.roles).toEqual(roles);
    expect(disabled).toBe(true);
  });
});
