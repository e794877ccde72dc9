// Entry `@wsc/server/admin`: the operations apps/api's admin CLI runs on a database outside any
// request (migrations, seeding, the bootstrap admin, events, partners and their keys, organization
// memberships and verified domains, token revocation, event-list imports, the audit log, copying
// a database to PostgreSQL and comparing two, backing up the embedded database). A host
// that only serves the API needs none of them: the main entry's createServer migrates, seeds and
// bootstraps the admin itself.
export { findAccountIdByEmail } from './accounts/repository';
export { type AccountAdministrator, updateAccount } from './accounts/service';
export { type AuditEntry, recordAudit } from './audit/record';
export type { DatabaseActivity, StatementListener, StatementRun } from './database/activity';
export {
  createDatabase,
  type Database,
  type DatabaseOptions,
  embeddedDatabaseFolder,
} from './database/create-database';
export { findMigrationsDirectory, type MigrationResult, migrate } from './database/migrate';
export type { DatabaseSchema } from './database/schema';
export {
  compareDatabases,
  type DatabaseComparison,
  type ObjectCheck,
  type ObjectDigest,
} from './database-copy/checksums';
export {
  type CopyOptions,
  type CopyProgress,
  type CopyReport,
  copyDatabase,
  TargetNotEmptyError,
} from './database-copy/copy-database';
export {
  backupEmbeddedDatabase,
  type EmbeddedBackup,
  type EmbeddedBackupOptions,
} from './database-copy/embedded-backup';
export { type EventValues, insertEvent as createEventRecord } from './events/repository';
export { revokeUserTokens, type TokenHolder } from './identity/accounts-repository';
export { bootstrapAdmin } from './identity/bootstrap-admin';
export { IMPORT_COLUMNS, type ImportOptions, importEventList } from './invitations/importer';
export { enqueueMail, type MailRecipient, type MailToQueue, type QueuedMail } from './mail/enqueue';
export { type MailContent, renderLayout } from './mail/layout';
export {
  defineMailTemplate,
  type MailKind,
  type MailTemplate,
  MailTemplateRegistry,
  renderMail,
} from './mail/template-registry';
export { mailTemplates } from './mail/templates';
export {
  decideMembership,
  listMemberships,
  type MembershipDecider,
  updateOrganization,
} from './organizations/memberships-service';
export type { OutboxRebase } from './outbox/outbox-order';
export {
  createPartnerKeyRecord,
  createPartnerRecord,
  findEnabledPartnerByName,
  findPartner,
  findPartnerKeys,
  revokePartnerKey,
  updatePartnerRecord,
} from './partners/repository';
export { listPartnerPage, type PartnerListParams } from './partners/service';
export {
  liftPartnerSsoSuspension,
  partnerSsoAccounts,
  type SsoSuspensionLiftRequest,
  type SsoSuspensionRequest,
  suspendPartnerSsoAccounts,
} from './partners/sso-accounts-service';
export { seed } from './seeders';
