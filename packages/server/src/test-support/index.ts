import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { StakeholderRole } from '@wsc/models';
import type { PartnerScope } from '@wsc/models/partner';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { createServer } from '../app';
import type { ServerOptions } from '../config';
import {
  createDatabase,
  type Database,
  embeddedDatabaseFolder,
  quoteIdentifier,
} from '../database/create-database';
import { findMigrationsDirectory, migrate } from '../database/migrate';
import type { DatabaseSchema } from '../database/schema';
import type { Seeder } from '../database/seeders';
import { saveMembership } from '../organizations/memberships-repository';
import { createPartnerKeyRecord, createPartnerRecord } from '../partners/repository';
import { defaultSeeders, seed } from '../seeders';

export type DatabaseKind = 'pglite' | 'postgres';

/** One warning per test file (vitest isolates modules per file), not one per `describe.each`. */
let warnedPostgresSkipped = false;

/**
 * The databases a suite runs on: PGlite always, PostgreSQL too when `TEST_DATABASE_URL` is set.
 *
 * @example
 * describe.each(databases())('accounts on $kind', ({ kind }) => { … });
 */
export function databases(): { kind: DatabaseKind }[] {
  if (process.env.TEST_DATABASE_URL) return [{ kind: 'pglite' }, { kind: 'postgres' }];
  if (!warnedPostgresSkipped) {
    warnedPostgresSkipped = true;
    console.warn(
      'SKIPPED: PostgreSQL suites (TEST_DATABASE_URL is not set; only PGlite runs). Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them.',
    );
  }
  return [{ kind: 'pglite' }];
}

export interface TestDatabase extends Database {
  /** Where it lives: the PGlite folder or the PostgreSQL schema. */
  location: string;
}

/**
 * A throw-away database: PGlite in a new folder under the OS tmpdir, or a fresh schema of
 * `TEST_DATABASE_URL`. `close()` removes it. `migrated: true` gives a PGlite that already holds
 * every migration, copied from a template folder (see `migratedPgliteTemplate`): about two seconds
 * instead of about seven. Without it the database is empty, for tests that migrate it themselves.
 *
 * @example
 * const database = await createTestDatabase('pglite');
 */
export async function createTestDatabase(
  kind: DatabaseKind = 'pglite',
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const database = await createDatabase({ url, schema, poolSize: 20 });
    return {
      ...database,
      location: schema,
      async close() {
        await database.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-test-'));
  if (options.migrated) {
    cpSync(await migratedPgliteTemplate(), embeddedDatabaseFolder(folder), { recursive: true });
  }
  const database = await createDatabase({ dataDirectory: folder });
  return {
    ...database,
    location: folder,
    async close() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

let template: Promise<string> | undefined;

/**
 * This user's own folder for shared test files, in the OS tmpdir: created readable by this user
 * only, and refused when another user owns it or may write in it (on a shared machine, anyone
 * can create a folder of a predictable name in /tmp and plant a database that tests would copy).
 */
function privateTestFolder(): string {
  const { uid } = userInfo();
  const folder = path.join(tmpdir(), `wsc-test-${uid}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stats = lstatSync(folder);
  const ownedByOthers = process.platform !== 'win32' && stats.uid !== uid;
  if (!stats.isDirectory() || ownedByOthers || (stats.mode & 0o022) !== 0) {
    throw new Error(`${folder} must be a folder owned by this user and writable by no one else`);
  }
  return folder;
}

/**
 * The PGlite folder every migrated test database is copied from: built once per set of
 * migrations and PGlite version, in this user's own test folder (see `privateTestFolder`), and
 * shared by every test process of the user (vitest runs each file in its own). A process that
 * finds none builds one in a folder of its own and renames it into place; when two build at once, the first rename wins and the other's copy
 * is removed. Creating a PGlite runs initdb, which costs most of the six seconds a new test
 * database took.
 */
function migratedPgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const migrations = findMigrationsDirectory();
    const hash = createHash('sha256').update(pgliteVersion());
    for (const name of readdirSync(migrations).sort()) {
      hash.update(name).update(readFileSync(path.join(migrations, name)));
    }
    const target = path.join(privateTestFolder(), `pglite-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(target)) return target;
    const building = mkdtempSync(`${target}-building-`);
    const database = await createDatabase({ dataDirectory: building });
    try {
      await migrate(database.db, migrations);
    } finally {
      await database.close();
    }
    try {
      renameSync(embeddedDatabaseFolder(building), target);
    } catch (error) {
      if (!existsSync(target)) throw error;
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    return target;
  })();
  return template;
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let directory = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(directory, 'package.json'))) directory = path.dirname(directory);
  return (JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string })
    .version;
}

export type TestServer = Awaited<ReturnType<typeof createServer>> & {
  /** Empties every table and seeds again: call it in `beforeEach`. */
  reset(): Promise<void>;
  /** Closes the server and removes the database. */
  dispose(): Promise<void>;
  testDatabase: TestDatabase;
};

/**
 * A server on a throw-away database, quiet (log level silent) and without rate limits unless
 * asked. Create ONE per test file (`beforeAll`) and `reset()` between tests: a new PGlite costs
 * about 2 s (copied from a migrated template), a reset much less.
 *
 * @example
 * let app: TestServer;
 * beforeAll(async () => { app = await createTestServer(); });
 * beforeEach(() => app.reset());
 * afterAll(() => app.dispose());
 */
export async function createTestServer(
  options: ServerOptions & { kind?: DatabaseKind } = {},
): Promise<TestServer> {
  const { kind = 'pglite', ...serverOptions } = options;
  const testDatabase = await createTestDatabase(kind, { migrated: serverOptions.migrate !== false });
  const app = await createServer({
    logLevel: 'silent',
    rateLimit: false,
    // Tests write rows directly and TRUNCATE between cases, which no outbox event announces:
    // the first-page cache is on only where a test asks for it.
    firstPageCacheMilliseconds: 0,
    ...serverOptions,
    database: testDatabase,
  });
  const server = app as TestServer;
  server.testDatabase = testDatabase;
  server.reset = async () => {
    await resetDatabase(testDatabase, serverOptions.seeders ?? defaultSeeders());
    app.painPointPages.invalidate();
  };
  server.dispose = async () => {
    await app.close();
    await testDatabase.close();
  };
  return server;
}

/**
 * Empties every table except `schema_migrations`, restarts the sequences, then runs the seeders
 * again. Rows are deleted, with foreign keys and triggers off for the statement
 * (`session_replication_role = replica`), rather than truncated: a test leaves a few rows
 * behind, and TRUNCATE's new files for every table and index cost PGlite about half a second
 * on each reset, DELETE a few milliseconds.
 *
 * @example
 * await resetDatabase(app.testDatabase);
 */
export async function resetDatabase(
  database: Database,
  seeders: readonly Seeder[] = defaultSeeders(),
): Promise<void> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename <> 'schema_migrations'
  `.execute(database.db);
  const sequences = await sql<{ name: string }>`
    select sequencename as name from pg_sequences where schemaname = current_schema()
  `.execute(database.db);
  // One simple query: one implicit transaction, so the setting never outlives a failed delete.
  const statements = [
    'set session_replication_role = replica',
    ...tables.rows.map((row) => `delete from ${quoteIdentifier(row.name)}`),
    ...sequences.rows.map((row) => `alter sequence ${quoteIdentifier(row.name)} restart`),
    'set session_replication_role = origin',
  ].join(';\n');
  // The instance's background readers (outbox feed, webhook worker) may still be at work on
  // the last test's events, and PostgreSQL may pick the reset as a deadlock's victim. Nothing
  // was deleted then; try again.
  // A role that may not switch foreign keys off (not a superuser) truncates instead.
  const truncate = `truncate table ${tables.rows.map((row) => quoteIdentifier(row.name)).join(', ')} restart identity cascade`;
  let script = statements;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.db.connection().execute((connection) => sql.raw(script).execute(connection));
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '42501' && script !== truncate) script = truncate;
      else if (code !== '40P01' || attempt === 5) throw error;
    }
  }
  await seed(database.db, seeders);
}

type Injectable = Pick<Awaited<ReturnType<typeof createServer>>, 'inject' | 'db'>;

export interface SignedUp {
  token: string;
  accountId: string;
  email: string;
  password: string;
  /** `{ authorization: 'Bearer …' }` for `app.inject`. */
  headers: Record<string, string>;
}

let signUpCounter = 0;

/**
 * Signs a new member up through the API; `roles` are then granted directly in the database.
 *
 * @example
 * const expert = await signUp(app, { roles: ['expert'] });
 * await app.inject({ method: 'POST', url: '/v1/…', headers: expert.headers, payload: {…} });
 */
export async function signUp(
  app: Injectable,
  overrides: {
    email?: string;
    password?: string;
    displayName?: string;
    role?: StakeholderRole;
    roles?: ('member' | 'expert' | 'moderator' | 'admin')[];
    headers?: Record<string, string>;
  } = {},
): Promise<SignedUp> {
  signUpCounter += 1;
  const email = overrides.email ?? `member${signUpCounter}.${randomBytes(4).toString('hex')}@example.org`;
  const password = overrides.password ?? 'correct horse battery staple';
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/signup',
    headers: overrides.headers ?? {},
    payload: {
      email,
      password,
      displayName: overrides.displayName ?? `Member ${signUpCounter}`,
      role: overrides.role ?? 'urban-planner',
    },
  });
  if (response.statusCode !== 201) throw new Error(`signUp failed: ${response.statusCode} ${response.body}`);
  const session = response.json() as { token: string; accountId: string };
  if (overrides.roles) {
    await app.db
      .updateTable('accounts')
      .set({ roles: [...new Set(['member', ...overrides.roles])] })
      .where('id', '=', session.accountId)
      .execute();
  }
  return {
    token: session.token,
    accountId: session.accountId,
    email,
    password,
    headers: { authorization: `Bearer ${session.token}` },
  };
}

/**
 * Makes the account an approved member of the organization, as its managers would (tests only;
 * the routes are tested in `organizations/memberships.test.ts`).
 *
 * @example
 * await approveMembership(app, planner.accountId, 'itu');
 */
export async function approveMembership(
  app: Pick<Injectable, 'db'>,
  accountId: string,
  organizationId: string,
  role: 'member' | 'manager' = 'member',
): Promise<void> {
  await app.db.transaction().execute((trx) =>
    saveMembership(trx, organizationId, accountId, {
      status: 'approved',
      role,
      basis: 'decision',
      decidedBy: null,
    }),
  );
}

export interface TestPartner {
  id: string;
  name: string;
  origin: string;
  /** `pk_live_…` bound to `origin`. */
  publishableKey: string;
  publishableKeyId: string;
  /** `sk_live_…` with every scope (or those asked). */
  secretKey: string;
  secretKeyId: string;
}

let partnerCounter = 0;

/**
 * Creates a partner with one publishable key (bound to `origin`) and one secret key, directly in
 * the database.
 *
 * @example
 * const partner = await createPartner(app, { origin: 'https://www.iec.ch' });
 * await app.inject({ method: 'GET', url: '/v1/…', headers: { origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey } });
 */
export async function createPartner(
  app: Pick<Injectable, 'db'>,
  options: { name?: string; origin?: string; scopes?: PartnerScope[] } = {},
): Promise<TestPartner> {
  partnerCounter += 1;
  const origin = options.origin ?? `https://partner${partnerCounter}.example.org`;
  const partner = await createPartnerRecord(app.db, { name: options.name ?? `Partner ${partnerCounter}` });
  const publishable = await createPartnerKeyRecord(app.db, partner.id, {
    kind: 'publishable',
    allowedOrigins: [origin],
    scopes: ['content:read', 'content:write'],
  });
  const secret = await createPartnerKeyRecord(app.db, partner.id, {
    kind: 'secret',
    allowedOrigins: [],
    scopes: options.scopes ?? [
      'content:read',
      'content:write',
      'sso',
      'webhooks',
      'stats',
      'export',
      'mail-policy',
    ],
  });
  return {
    id: partner.id,
    name: partner.name,
    origin,
    publishableKey: publishable.key,
    publishableKeyId: publishable.id,
    secretKey: secret.key,
    secretKeyId: secret.id,
  };
}

/**
 * A user token for a partner's user through `POST /v1/sso/tokens`.
 *
 * @example
 * const user = await ssoSignIn(app, partner, { externalUserId: 'u-1' });
 */
export async function ssoSignIn(
  app: Injectable,
  partner: TestPartner,
  user: { externalUserId: string; email?: string; displayName?: string },
): Promise<{ token: string; stakeholderId: string; headers: Record<string, string> }> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/sso/tokens',
    headers: { authorization: `Bearer ${partner.secretKey}` },
    payload: {
      externalUserId: user.externalUserId,
      email: user.email ?? `${user.externalUserId}@partner.example.org`,
      displayName: user.displayName ?? `Partner user ${user.externalUserId}`,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`ssoSignIn failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { token: string; stakeholderId: string };
  return { ...body, headers: { authorization: `Bearer ${body.token}` } };
}
/**
 * Fault injection for race tests: a transaction writing an audit row that matches `condition`
 * (SQL over the row, `new`) waits `seconds` there, holding its locks, as on a slow disk or a busy
 * server, so another request can start meanwhile. Resolves to the function that removes it.
 *
 * @example
 * const restore = await slowAuditWrites(app.db, "new.action = 'pain_point.locked'");
 * try { … } finally { await restore(); }
 */
export async function slowAuditWrites(
  db: Kysely<DatabaseSchema>,
  condition: string,
  seconds = 0.4,
): Promise<() => Promise<void>> {
  await sql`
    create or replace function slow_audit_write() returns trigger language plpgsql as $$
    begin
      if ${sql.raw(condition)} then perform pg_sleep(${sql.lit(seconds)}); end if;
      return new;
    end $$
  `.execute(db);
  await sql`create trigger slow_audit_write before insert on audit_log
    for each row execute function slow_audit_write()`.execute(db);
  return async () => {
    await sql`drop trigger if exists slow_audit_write on audit_log`.execute(db);
    await sql`drop function if exists slow_audit_write()`.execute(db);
  };
}

/**
 * The race of most fault-injected tests: `slow` runs with its audit write held 400 ms
 * ({@link slowAuditWrites} with `condition`), and `attempt` starts 150 ms in, while `slow` holds
 * its locks. Answers both.
 *
 * @example
 * const { slow, attempted } = await whileAuditWriteIsSlow(app.db, "new.action = 'pain_point.locked'", lock, post);
 */
export async function whileAuditWriteIsSlow<Slow, Attempt>(
  db: Kysely<DatabaseSchema>,
  condition: string,
  slow: () => Promise<Slow>,
  attempt: () => Promise<Attempt>,
): Promise<{ slow: Slow; attempted: Attempt }> {
  const restore = await slowAuditWrites(db, condition);
  try {
    const slowRun = slow();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const attempted = await attempt();
    return { slow: await slowRun, attempted };
  } finally {
    await restore();
  }
}

/** One write of a {@link writeMix} and how it was answered. */
export interface MixedAnswer {
  label: string;
  statusCode: number;
  body: string;
}

/**
 * Many kinds of writes sent at once, mixed by a seeded random sequence so a failing mix can be
 * replayed: `random` and `pick` draw from the sequence, `add` queues a write under a label, `run`
 * sends them all at once and answers each with its label.
 *
 * @example
 * const mix = writeMix(7);
 * mix.add('vote', () => app.inject({ method: 'PUT', url, headers }));
 * const answers = await mix.run(); // [{ label: 'vote', statusCode: 200, body: '…' }]
 */
export function writeMix(seed: number) {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const writes: { label: string; send: () => Promise<{ statusCode: number; body: string }> }[] = [];
  return {
    random,
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T,
    add(label: string, send: () => Promise<{ statusCode: number; body: string }>): void {
      writes.push({ label, send });
    },
    async run(): Promise<MixedAnswer[]> {
      const answers = await Promise.all(writes.map((write) => write.send()));
      return answers.map(({ statusCode, body }, index) => ({
        label: writes[index]?.label ?? '',
        statusCode,
        body,
      }));
    },
  };
}

export { type ProcessDatabase, processDatabases } from './process-databases';
