// The main entry of @wsc/server: what a host needs to run the community platform (createServer,
// its options, the database handle it may share, the features and seeders it may choose) and to
// write a feature of its own (guards, principal, problem documents, header names). The admin
// functions of apps/api's CLI (partners, keys, migrations, imports, audit) are in
// '@wsc/server/admin'; test helpers in '@wsc/server/test-support'.

export {
  hasRole,
  requireAccess,
  requireAccount,
  requireRole,
  requireSecretKey,
} from './access/guards';
export {
  type Principal,
  type PrincipalAccount,
  type PrincipalPartner,
  PUBLISHABLE_KEY_HEADER,
} from './access/principal';
export { TOKEN_PREFIXES } from './access/tokens';
export { createServer, type WscServer } from './app';
export {
  type AppConfig,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  optionsFromEnvironment,
  resolveConfig,
  type ServerOptions,
} from './config';
export type { DatabaseActivity, StatementListener, StatementRun } from './database/activity';
export { createDatabase, type Database, type DatabaseOptions } from './database/create-database';
export type { DatabaseSchema } from './database/schema';
export type { Seeder } from './database/seeders';
export {
  DomainError,
  type DomainErrorOptions,
  domainError,
  problemType,
} from './errors/domain-error';
export { defaultFeatures, type Feature } from './features';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './http/idempotency';
export type { SuccessAnswer } from './http/openapi-operation';
export { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from './http/problem';
export { REQUEST_ID_HEADER } from './http/request-id';
export type { RouteAccess } from './http/route-access';
export type { DkimOptions, MailConfig, MailOptions } from './mail/mail-config';
export type { MetricsConfig, MetricsOptions } from './observability/metrics-config';
export type { ServerMetrics } from './observability/plugin';
export { defaultSeeders } from './seeders';
