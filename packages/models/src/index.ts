// The browser entry of @wsc/models: schemas and types of the community objects, under a 13.25 KB
// gzip budget (.ci/size-budgets.json). Other entries: '@wsc/models/rules' (pure domain rules: lifecycle,
// eligibility, coverage, cursors, slugs), '@wsc/models/locales' (labels in the six UN languages),
// '@wsc/models/partner' (secret-key payloads: partners, keys, SSO, webhooks), '@wsc/models/problems'
// (the problem types the API answers) and '@wsc/models/catalogue' (seed data). Import those from
// their subpath, never from here.
export * from './account';
export * from './auth';
export * from './comment';
export * from './compile-check';
export * from './coverage';
export * from './eligibility';
export * from './enums';
export * from './event';
export * from './event-session';
export * from './localized-text';
export * from './membership';
export * from './open-enum';
export * from './organization';
export * from './page';
export * from './pain-point';
export * from './payloads/community';
export * from './primitives';
export * from './problem';
// Types only: the catalogue and its helpers are '@wsc/models/problems'.
export type { KnownProblemCode, ProblemCode, ProblemTypeEntry } from './problems';
export * from './registration';
export * from './report';
export * from './stakeholder';
export * from './standard';
export * from './standard-mapping';
export * from './text';
export * from './vote';
export * from './webhook-event';
