import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { discussionRoutes } from './discussion/routes';
import { eventRoutes } from './events/routes';
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
import { partnerSsoAccountRoutes } from './partners/sso-accounts-routes';
import { partnerStatsRoutes } from './partners/stats-routes';
import { registrationRoutes } from './registrations/routes';
import { stakeholderRoutes } from './stakeholders/routes';
import { standardRoutes } from './standards/routes';
import { voteRoutes } from './votes/routes';
import { webhookPlugin } from './webhooks/plugin';

/**
 * A community feature: one Fastify plugin registering its routes under `/v1` (full paths), with
 * zod schemas from `@wsc/models`. It sees `app.db`, `app.config` and `request.principal`.
 */
export type Feature = FastifyPluginAsyncZod;

/** Features registered by `createServer`, in order. Feature owners append theirs. */
export const features: Feature[] = [];

// The outbox feed first: the first-page cache, live updates and webhooks consume it. Mail next:
// features queue mail in their transactions (`mail/enqueue.ts`).
features.push(outboxPlugin, firstPageCachePlugin, mailPlugin, digestPlugin);

// Community features (stakeholders, me, pain points, votes, discussion, standards).
features.push(
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
);

// Events and forum registration (events, sessions, calendar, eligibility, registrations, imports).
features.push(eventRoutes, registrationRoutes, importRoutes);

// Live updates and partner webhooks (consumers of the outbox feed registered above).
features.push(livePlugin, webhookPlugin);

// Partner analytics: what came through each partner application (secret key, `stats` scope).
features.push(partnerStatsRoutes);

// One partner is not many people: the accounts a partner minted through SSO, and their suspension (admin).
features.push(partnerSsoAccountRoutes);

// Partners that tell their single-sign-on members themselves stop the community's mail to them;
// partners with their own account page lead their members' account mail there.
features.push(partnerMailPolicyRoutes, partnerAccountPageRoutes);
