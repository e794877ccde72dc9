export { createServer, type WscServer } from './app';
export { type AuditEntry, recordAudit } from './audit/record';
export {
  type AppConfig,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  optionsFromEnvironment,
  resolveConfig,
  type ServerOptions,
} from './config';
export { createDatabase, type Database, type DatabaseOptions } from './database/create-database';
export { findMigrationsDirectory, type MigrationResult, migrate } from './database/migrate';
export type { DatabaseSchema } from './database/schema';
export { seed } from './database/seed';
export { type Seeder, seeders } from './database/seeders';
export { type Feature, features } from './features';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './http/idempotency';
export type { SuccessAnswer } from './http/openapi-operation';
export {
  HttpProblem,
  type HttpProblemOptions,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  problem,
  problemType,
} from './http/problem';
export { REQUEST_ID_HEADER } from './http/request-id';
export { revokeUserTokens, type TokenHolder } from './identity/accounts-repository';
export { bootstrapAdmin } from './identity/bootstrap-admin';
export {
  hasRole,
  type RouteAccess,
  requireAccess,
  requireAccount,
  requireRole,
  requireSecretKey,
} from './identity/guards';
export {
  type Principal,
  type PrincipalAccount,
  type PrincipalPartner,
  PUBLISHABLE_KEY_HEADER,
} from './identity/principal';
export { TOKEN_PREFIXES } from './identity/tokens';
export { IMPORT_COLUMNS, type ImportOptions, importEventList } from './invitations/importer';
export {
  decideMembership,
  listMemberships,
  type MembershipDecider,
  updateOrganization,
} from './organizations/memberships-service';
export {
  createPartnerKeyRecord,
  createPartnerRecord,
  revokePartnerKey,
  updatePartnerRecord,
} from './partners/repository';
