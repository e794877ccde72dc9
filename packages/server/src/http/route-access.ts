import type { AccountRole } from '@wsc/models';
import type { PartnerScope } from '@wsc/models/partner';

// Here, in the HTTP layer, because the OpenAPI document shows each route's lock: identity's
// guards enforce it (`requireAccess`), and the HTTP layer never imports identity.

/**
 * Who may call a route: `'member'` (a session or SSO user token), `{ roles }` (a member holding
 * one of the roles; admins hold every role) or `{ secretKey }` (a partner's server whose secret
 * key holds the scope). Checks that need the record (author, organiser) stay in the handler.
 */
export type RouteAccess = 'member' | { roles: readonly AccountRole[] } | { secretKey: PartnerScope };
