#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ACCOUNT_ROLES,
  type AccountRole,
  MEMBERSHIP_STATUSES,
  MembershipListParamsSchema,
} from '@wsc/models';
import {
  EVENT_IMPORT_KINDS,
  type EventImportKind,
  PARTNER_KEY_KINDS,
  PARTNER_SCOPES,
  type PartnerKeyKind,
  type PartnerScope,
} from '@wsc/models/partner';
import { optionsFromEnvironment } from '@wsc/server';
import {
  type AccountAdministrator,
  createDatabase,
  createPartnerKeyRecord,
  createPartnerRecord,
  decideMembership,
  findAccountIdByEmail,
  findPartner,
  IMPORT_COLUMNS,
  importEventList,
  liftPartnerSsoSuspension,
  listMemberships,
  listPartnerPage,
  type MembershipDecider,
  migrate,
  partnerSsoAccounts,
  recordAudit,
  revokePartnerKey,
  seed,
  suspendPartnerSsoAccounts,
  updateAccount,
  updateOrganization,
  updatePartnerRecord,
} from '@wsc/server/admin';
import { DATABASE_USAGE, DatabaseUsageError, runDatabaseCommand } from './database-commands';
import { progressBar } from './progress';

const USAGE = `Usage: wsc-api <command> [options]   (database from DATABASE_URL or WSC_DATA_DIR)
       npm run cli -- <command> [options]   (from the repository root: the database npm start uses)

  partners create --name <name> [--origin <https://…>]… [--organization <id>]
      Creates a partner; with --origin also a publishable key bound to those origins.
  partners list
  partners disable --partner <id>
      Its keys, origins and webhooks stop at once and the SSO tokens it issued are revoked.
  partners enable --partner <id>
      Its keys work again (the revoked SSO tokens stay revoked).
  partners sso-accounts --partner <id>
      How many accounts the partner minted through SSO, how many are suspended, and their pain
      points, votes, comments and reports.
  partners suspend-sso-accounts --partner <id> --reason <text>
      Suspends every account the partner minted through SSO: their tokens stop at once, their
      votes are withdrawn from the counts, and the partner's SSO signs no one in and creates no
      account until the suspension is lifted (audited with the reason).
  partners lift-sso-suspension --partner <id>
      Lifts it: the partner's SSO works again and the accounts the suspension disabled can sign
      in again; the withdrawn votes are not restored (audited).
  keys create --partner <id> --kind publishable|secret [--origin <origin>]… [--scope <scope>]…
      Prints the new key once (it is stored hashed). Scopes: ${PARTNER_SCOPES.join(', ')}.
  keys revoke --partner <id> --key <keyId>
  accounts set-role --email <email> --role <role> [--role <role>]…
      Replaces the account's roles (member is always kept). Roles: ${ACCOUNT_ROLES.join(', ')}.
  accounts disable --email <email>
  accounts enable --email <email>
  organizations domains --organization <id> [--domain <domain>]…
      Sets the e-mail domains whose confirmed addresses join the organization without approval
      (no --domain: none).
  memberships list --organization <id> [--status ${MEMBERSHIP_STATUSES.join('|')}]
  memberships approve|refuse|remove --organization <id> --email <email>
      Decides on a member's request or membership, as the organization's managers do.
  memberships add-manager|remove-manager --organization <id> --email <email>
      Names a manager (approving them if needed: how an organization gets its first managers),
      or makes a manager a plain member again.
  events import --event <id|slug> --kind <kind> --file <list.csv>
      Imports a CSV list (header line first) for eligibility checks; a progress bar goes to
      stderr, bad rows are reported by line and the good ones stored (exit 1 if any failed).
      Kinds: ${EVENT_IMPORT_KINDS.map((kind) => `${kind} (${IMPORT_COLUMNS[kind].map((column) => column.name).join(',')})`).join('; ')}.
${DATABASE_USAGE}

With the embedded database (no DATABASE_URL), stop the API first: one process at a time.`;

class UsageError extends Error {}
/** `--help`: the usage text on stdout and exit 0 (a usage error prints it on stderr, exit 2). */
class HelpRequested extends Error {}
/** What a command answers when it printed its own result (a table), not a JSON value. */
const PRINTED = Symbol('printed');

/** Who ran an audited CLI action: no account, so the operating-system user is kept instead. */
const OPERATOR = { via: 'cli', operator: process.env.USER ?? process.env.USERNAME ?? null };

/** The operator decides on memberships as an admin would, through the same service as the routes. */
const CLI_DECIDER: MembershipDecider = {
  accountId: null,
  admin: true,
  partnerId: null,
  requestId: null,
  audit: OPERATOR,
};

/** The operator changes accounts as an admin would, through the same service as the routes. */
const CLI_ADMINISTRATOR: AccountAdministrator = { accountId: null, requestId: null, audit: OPERATOR };

/** What each `memberships` verb asks of the membership rule. */
const MEMBERSHIP_CHANGES = {
  approve: { status: 'approved' },
  refuse: { status: 'refused' },
  remove: { status: 'removed' },
  'add-manager': { status: 'approved', role: 'manager' },
  'remove-manager': { role: 'member' },
} as const;

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function oneOf<Value extends string>(values: readonly Value[], value: string, name: string): Value {
  if (!values.includes(value as Value)) throw new UsageError(`--${name} must be one of ${values.join(', ')}`);
  return value as Value;
}

async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      organization: { type: 'string' },
      partner: { type: 'string' },
      kind: { type: 'string' },
      scope: { type: 'string', multiple: true },
      key: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      event: { type: 'string' },
      file: { type: 'string' },
      domain: { type: 'string', multiple: true },
      status: { type: 'string' },
      reason: { type: 'string' },
      to: { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [noun, verb] = positionals;
  if (values.help) throw new HelpRequested();
  if (!noun || !verb) throw new UsageError('');
  const environment = optionsFromEnvironment(process.env);
  if (noun === 'db') {
    try {
      process.exitCode = await runDatabaseCommand({
        verb,
        to: values.to,
        replace: values.replace ?? false,
        source: { url: environment.databaseUrl, dataDirectory: environment.dataDirectory },
        out: process.stdout,
        err: process.stderr,
      });
      return PRINTED;
    } catch (error) {
      throw error instanceof DatabaseUsageError ? new UsageError(error.message) : error;
    }
  }
  const database = await createDatabase({
    url: environment.databaseUrl,
    dataDirectory: environment.dataDirectory,
  });
  try {
    await migrate(database.db);
    // The same catalogue `npm start` seeds (once per database): the organizations and events the
    // commands name exist even when the CLI runs before the API ever started.
    await seed(database.db);
    const db = database.db;
    const command = `${noun} ${verb}`;
    switch (command) {
      case 'partners create': {
        const name = required(values.name, 'name');
        return await db.transaction().execute(async (trx) => {
          const partner = await createPartnerRecord(trx, {
            name,
            organizationId: values.organization ?? null,
          });
          const origins = values.origin ?? [];
          const publishableKey =
            origins.length > 0
              ? await createPartnerKeyRecord(trx, partner.id, {
                  kind: 'publishable',
                  allowedOrigins: origins,
                  scopes: ['content:read', 'content:write'],
                })
              : null;
          await recordAudit(trx, {
            actorId: null,
            action: 'partner.created',
            subjectType: 'partner',
            subjectId: partner.id,
            data: { ...OPERATOR, name, publishableKeyId: publishableKey?.id ?? null },
          });
          return { partner, publishableKey };
        });
      }
      case 'partners list': {
        const partners = [];
        let cursor: string | undefined;
        do {
          const page = await listPartnerPage(db, { limit: 100, cursor });
          partners.push(...page.data);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return partners;
      }
      case 'partners disable':
      case 'partners enable': {
        const partnerId = required(values.partner, 'partner');
        return await db.transaction().execute(async (trx) => {
          const change = await updatePartnerRecord(trx, partnerId, { disabled: verb === 'disable' });
          if (!change) throw new UsageError(`no partner with id ${partnerId}`);
          await recordAudit(trx, {
            actorId: null,
            partnerId,
            action: 'partner.updated',
            subjectType: 'partner',
            subjectId: partnerId,
            data: { ...OPERATOR, disabled: { from: change.before.disabled, to: change.after.disabled } },
          });
          return change.after;
        });
      }
      case 'partners sso-accounts':
      case 'partners suspend-sso-accounts':
      case 'partners lift-sso-suspension': {
        const partnerId = required(values.partner, 'partner');
        if (!(await findPartner(db, partnerId))) throw new UsageError(`no partner with id ${partnerId}`);
        if (verb === 'sso-accounts') return await partnerSsoAccounts(db, partnerId);
        if (verb === 'lift-sso-suspension') {
          return await liftPartnerSsoSuspension(db, partnerId, { actorId: null, auditData: OPERATOR });
        }
        const reason = required(values.reason?.trim(), 'reason');
        return await suspendPartnerSsoAccounts(db, partnerId, { reason, actorId: null, auditData: OPERATOR });
      }
      case 'keys create': {
        const kind: PartnerKeyKind = oneOf(PARTNER_KEY_KINDS, required(values.kind, 'kind'), 'kind');
        const scopes = (
          values.scope ?? (kind === 'secret' ? ['sso'] : ['content:read', 'content:write'])
        ).map((scope) => oneOf(PARTNER_SCOPES, scope, 'scope') as PartnerScope);
        const allowedOrigins = values.origin ?? [];
        if (kind === 'publishable' && allowedOrigins.length === 0) {
          throw new UsageError('a publishable key needs at least one --origin');
        }
        const partnerId = required(values.partner, 'partner');
        return await db.transaction().execute(async (trx) => {
          const key = await createPartnerKeyRecord(trx, partnerId, { kind, allowedOrigins, scopes });
          await recordAudit(trx, {
            actorId: null,
            partnerId,
            action: 'partner_key.created',
            subjectType: 'partner_key',
            subjectId: key.id,
            data: { ...OPERATOR, kind, scopes, allowedOrigins },
          });
          return key;
        });
      }
      case 'keys revoke': {
        const partnerId = required(values.partner, 'partner');
        const keyId = required(values.key, 'key');
        return await db.transaction().execute(async (trx) => {
          const revoked = await revokePartnerKey(trx, partnerId, keyId);
          if (!revoked) throw new UsageError('no active key with that id for that partner');
          await recordAudit(trx, {
            actorId: null,
            partnerId,
            action: 'partner_key.revoked',
            subjectType: 'partner_key',
            subjectId: keyId,
            data: OPERATOR,
          });
          return { revoked: true };
        });
      }
      case 'accounts set-role':
      case 'accounts disable':
      case 'accounts enable': {
        // The same service as `PATCH /v1/accounts/{id}`: row lock, roles read inside the
        // transaction, tokens revoked on disabling, one audit shape.
        const email = required(values.email, 'email').trim().toLowerCase();
        const accountId = await findAccountIdByEmail(db, email);
        if (!accountId) throw new UsageError(`no account with e-mail ${email}`);
        if (verb === 'set-role') {
          const roles = (values.role ?? []).map((role) => oneOf(ACCOUNT_ROLES, role, 'role') as AccountRole);
          if (roles.length === 0) throw new UsageError('--role is required');
          const account = await updateAccount(db, CLI_ADMINISTRATOR, accountId, { accountRoles: roles });
          return { id: account.id, roles: account.accountRoles };
        }
        const account = await updateAccount(db, CLI_ADMINISTRATOR, accountId, {
          disabled: verb === 'disable',
        });
        return { id: account.id, disabled: account.disabled };
      }
      case 'organizations domains':
        return await updateOrganization(db, CLI_DECIDER, required(values.organization, 'organization'), {
          verifiedDomains: (values.domain ?? []).map((domain) => domain.trim().toLowerCase()),
        });
      case 'memberships list': {
        const status = values.status ? oneOf(MEMBERSHIP_STATUSES, values.status, 'status') : undefined;
        const organization = required(values.organization, 'organization');
        const memberships = [];
        let cursor: string | undefined;
        do {
          const page = await listMemberships(
            db,
            CLI_DECIDER,
            organization,
            MembershipListParamsSchema.parse({ status, limit: 100, cursor }),
          );
          memberships.push(...page.data);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return memberships;
      }
      case 'memberships approve':
      case 'memberships refuse':
      case 'memberships remove':
      case 'memberships add-manager':
      case 'memberships remove-manager': {
        const organization = required(values.organization, 'organization');
        const email = required(values.email, 'email').trim().toLowerCase();
        const account = await db
          .selectFrom('accounts')
          .select('id')
          .where('email_normalized', '=', email)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!account) throw new UsageError(`no account with e-mail ${email}`);
        return await decideMembership(
          db,
          CLI_DECIDER,
          organization,
          account.id,
          MEMBERSHIP_CHANGES[verb as keyof typeof MEMBERSHIP_CHANGES],
        );
      }
      case 'events import': {
        const kind: EventImportKind = oneOf(EVENT_IMPORT_KINDS, required(values.kind, 'kind'), 'kind');
        const file = required(values.file, 'file');
        let csv: string;
        try {
          csv = readFileSync(file, 'utf8');
        } catch (error) {
          throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
        }
        const progress = progressBar(process.stderr, kind);
        const report = await importEventList(db, {
          event: required(values.event, 'event'),
          kind,
          csv,
          onProgress: progress.update,
        });
        progress.done();
        await recordAudit(db, {
          actorId: null,
          action: 'event_list.imported',
          subjectType: 'event',
          subjectId: required(values.event, 'event'),
          data: {
            ...OPERATOR,
            kind,
            file,
            rows: report.rows,
            imported: report.imported,
            failed: report.failed.length,
          },
        });
        for (const failure of report.failed) {
          const reasons = failure.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
          process.stderr.write(`line ${failure.line}: ${reasons}\n`);
        }
        process.stderr.write(
          `${report.imported} of ${report.rows} rows imported, ${report.failed.length} refused\n`,
        );
        if (report.failed.length > 0) process.exitCode = 1;
        return report;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    if (result !== PRINTED) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  },
  (error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`error: ${error.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
