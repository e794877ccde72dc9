import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './accounts/routes';
import { auditRoutes } from './audit/routes';
import { discussionRoutes } from './discussion/routes';
import { eventRoutes } from './events/routes';
import { accountMailRoutes } from './identity/account-mail-routes';
import { accountPages } from './identity/account-pages';
import { authRoutes } from './identity/auth-routes';
import { ssoRoutes } from './identity/sso-routes';
import { importRoutes } from './invitations/routes';
import { livePlugin } from './live/plugin';
import { digestPlugin } from './mail/digest-plugin';
import { mailPlugin } from './mail/plugin';
import { unsubscribeRoutes } from './mail/unsubscribe-routes';
import { notificationPreferenceRoutes } from './me/notification-preferences-routes';
import { meRoutes } from './me/routes';
import { membershipRoutes } from './organizations/memberships-routes';
import { organizationRoutes } from './organizations/routes';
import { outboxPlugin } from './outbox/plugin';
import { firstPageCachePlugin } from './pain-points/first-page-cache-plugin';
import { painPointRoutes } from './pain-points/routes';
import { partnerAccountPageRoutes } from './partners/account-page-routes';
import { partnerMailPolicyRoutes } from './partners/mail-policy-routes';
import { partnerRoutes } from './partners/routes';
import { partnerSsoAccountRoutes } from './partners/sso-accounts-routes';
import { partnerStatsRoutes } from './partners/stats-routes';
import { registrationRoutes } from './registrations/routes';
import { fillFreeSeats } from './registrations/seats';
import { stakeholderRoutes } from './stakeholders/routes';
import { standardRoutes } from './standards/routes';
import { voteRoutes } from './votes/routes';
import { webhookPlugin } from './webhooks/plugin';

/**
 * A community feature: one Fastify plugin registering its routes under `/v1` (full paths), with
 * zod schemas from `@wsc/models`. It sees `app.db`, `app.config` and `request.principal`.
 */
export type Feature = FastifyPluginAsyncZod;

/**
 * Events with their registrations: events sit below registrations (which read events), so a
 * capacity change is handed the step that gives freed seats to the waitlist.
 */
const eventFeature: Feature = async (app) => {
  await app.register(eventRoutes, { afterCapacityChange: fillFreeSeats });
};

/**
 * Every feature of the community platform, in the order `createServer` registers them: a new
 * array on each call, so a host may add, drop or reorder features without touching anyone else's.
 *
 * @example
 * const app = await createServer({ features: [...defaultFeatures(), myFeature] });
 */
export function defaultFeatures(): Feature[] {
  return [
    // Identity and administration: sign-up and sign-in (pages and mail links included), partner
    // single sign-on, partners and their keys, accounts (roles, disabling) and the audit log.
    authRoutes,
    accountMailRoutes,
    accountPages,
    ssoRoutes,
    partnerRoutes,
    accountRoutes,
    auditRoutes,
    // The outbox feed: the first-page cache, live updates and webhooks consume it. Mail next:
    // features queue mail in their transactions (`mail/enqueue.ts`).
    outboxPlugin,
    firstPageCachePlugin,
    mailPlugin,
    digestPlugin,
    // Community features (stakeholders, me, pain points, votes, discussion, standards).
    stakeholderRoutes,
    organizationRoutes,
    membershipRoutes,
    meRoutes,
    notificationPreferenceRoutes,
    unsubscribeRoutes,
    painPointRoutes,
    voteRoutes,
    discussionRoutes,
    standardRoutes,
    // Events and forum registration (events, sessions, calendar, eligibility, registrations, imports).
    eventFeature,
    registrationRoutes,
    importRoutes,
    // Live updates and partner webhooks (consumers of the outbox feed registered above).
    livePlugin,
    webhookPlugin,
    // Partner analytics: what came through each partner application (secret key, `stats` scope).
    partnerStatsRoutes,
    // One partner is not many people: the accounts a partner minted through SSO, and their suspension (admin).
    partnerSsoAccountRoutes,
    // Partners that tell their single-sign-on members themselves stop the community's mail to them;
    // partners with their own account page lead their members' account mail there.
    partnerMailPolicyRoutes,
    partnerAccountPageRoutes,
  ];
}
