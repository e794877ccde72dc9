import {
  NotificationPreferencesSchema,
  type NotificationPreferencesUpdate,
  NotificationPreferencesUpdateSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAccount } from '../access/guards';
import { requireSomeField } from '../http/require-change';
import { readNotificationPreferences, updateNotificationPreferences } from '../mail/notification-preferences';

const UPDATE_FIELDS = Object.keys(
  NotificationPreferencesUpdateSchema.shape,
) as (keyof NotificationPreferencesUpdate)[];

/**
 * `GET`/`PATCH /v1/me/notification-preferences`: which optional mail the member gets.
 *
 * @example
 * await app.register(notificationPreferenceRoutes);
 */
export const notificationPreferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/me/notification-preferences',
    {
      config: { access: 'member' },
      schema: {
        tags: ['me'],
        summary: 'Your mail preferences',
        description:
          'Moderation notices (default on) and the weekly digest (default off) can be turned off or on; account mail, registration notices and event changes are always sent.',
        answers: { 200: 'The kinds of mail you get.' },
        response: { 200: NotificationPreferencesSchema },
      },
    },
    async (request) => readNotificationPreferences(app.db, requireAccount(request).id),
  );

  app.patch(
    '/v1/me/notification-preferences',
    {
      config: { access: 'member', contentWrite: false },
      schema: {
        tags: ['me'],
        summary: 'Change your mail preferences',
        description:
          'Send any of `moderation`, `digest`, `digestDomains` (pain-point domains the digest covers; empty: all).',
        answers: { 200: 'The preferences as changed.' },
        body: NotificationPreferencesUpdateSchema,
        response: { 200: NotificationPreferencesSchema },
      },
    },
    async (request) => {
      requireSomeField(request.body, UPDATE_FIELDS);
      return updateNotificationPreferences(app.db, requireAccount(request).id, request.body);
    },
  );
};
