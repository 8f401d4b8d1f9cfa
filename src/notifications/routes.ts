// A person's notification centre, preferences and browsers (push), and the admins' view of what
// was sent and of the e-mails captured by the embedded default. Access check first, then the use case.
import { z } from 'zod';
import { findPerson } from '../people/index.ts';
import { notFound, requireUser, type HttpApp, type ModuleContext, type SessionUser } from '../platform/index.ts';
import { listCapturedEmails } from './captured-emails.ts';
import { listDeliveryLog } from './deliveries.ts';
import { countUnread, listNotifications, markAllRead, markRead } from './notification-centre.ts';
import { getPreferences, updatePreferences, updatePreferencesInput } from './preferences.ts';
import { ensureVapidKeys } from './push-channel.ts';
import { countPushSubscriptions, removePushSubscription, savePushSubscription } from './push-subscriptions.ts';
import {
  adminListQuery,
  capturedEmailsResponse,
  deliveryLogResponse,
  idParams,
  listQuery,
  listResponse,
  preferencesResponse,
  pushEndpointQuery,
  pushSubscriptionBody,
  unreadResponse,
  vapidKeyResponse,
} from './routes.schemas.ts';
import { notConfiguredSmsAdapter } from './sms-channel.ts';

const TAGS = ['notifications'];
const ADMIN_TAGS = ['admin: notifications'];

// A citizen whose login matched no person has no notification centre: 404, never someone else's.
const personOf = (user: SessionUser) => {
  if (!user.personId) throw notFound({ fr: 'Personne', en: 'Person' });
  return user.personId;
};

const notificationNotFound = () => notFound({ fr: 'Notification', en: 'Notification' });

export const mountNotificationsRoutes = async (app: HttpApp, { db, config, logger }: ModuleContext) => {
  // Made on first start, so the browsers' subscriptions and every worker use the same pair.
  await ensureVapidKeys(db);
  const isSmsAvailable = notConfiguredSmsAdapter(logger).isConfigured;

  const preferencesOf = async (personId: string) => {
    const [preferences, person, subscriptions] = await Promise.all([
      getPreferences(db, personId),
      findPerson(db, personId),
      countPushSubscriptions(db, personId),
    ]);
    return {
      ...preferences,
      channels: {
        email: { address: person?.email ?? null, isCaptured: !config.SMTP_URL },
        push: { subscriptions },
        sms: { phone: person?.phone ?? null, isAvailable: isSmsAvailable },
      },
    };
  };

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes notifications, les plus récentes d’abord, et combien ne sont pas lues',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      const [items, unreadCount] = await Promise.all([
        listNotifications(db, { personId, ...request.query }),
        countUnread(db, personId),
      ]);
      return { items, unreadCount };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags: TAGS,
        summary: 'Combien de mes notifications ne sont pas lues',
        response: { 200: unreadResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return { unreadCount: await countUnread(db, personId) };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: TAGS,
        summary: 'Marquer une notification comme lue',
        params: idParams,
        response: { 200: unreadResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      if (!(await markRead(db, { personId, id: request.params.id }))) throw notificationNotFound();
      return { unreadCount: await countUnread(db, personId) };
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: { tags: TAGS, summary: 'Tout marquer comme lu', response: { 200: unreadResponse } },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      await markAllRead(db, personId);
      return { unreadCount: 0 };
    },
  );

  app.get(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes canaux (courriel, notifications du navigateur, SMS) et mes heures calmes',
        response: { 200: preferencesResponse },
      },
    },
    async (request) => preferencesOf(personOf(requireUser(request, { roles: ['citizen'] }))),
  );

  app.put(
    '/api/v1/notifications/preferences',
    {
      schema: {
        tags: TAGS,
        summary: 'Choisir mes canaux et mes heures calmes (heure de Paris)',
        body: updatePreferencesInput,
        response: { 200: preferencesResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      await updatePreferences(db, personId, request.body);
      return preferencesOf(personId);
    },
  );

  app.get(
    '/api/v1/notifications/vapid-public-key',
    {
      schema: {
        tags: TAGS,
        summary: 'La clé publique VAPID du serveur, pour s’abonner aux notifications du navigateur',
        response: { 200: vapidKeyResponse },
      },
    },
    async () => ({ publicKey: (await ensureVapidKeys(db)).publicKey }),
  );

  app.post(
    '/api/v1/notifications/push-subscriptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Recevoir mes notifications sur ce navigateur (PushSubscription du navigateur)',
        body: pushSubscriptionBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      const { endpoint, keys } = request.body;
      const id = await savePushSubscription(db, {
        personId,
        endpoint,
        keys,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/v1/notifications/push-subscriptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Ne plus recevoir mes notifications sur ce navigateur',
        querystring: pushEndpointQuery,
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      if (!(await removePushSubscription(db, { personId, endpoint: request.query.endpoint }))) {
        throw notFound({ fr: 'Abonnement', en: 'Subscription' });
      }
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/admin/notifications/captured-emails',
    {
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Les courriels capturés faute de serveur SMTP (démo) : construits, jamais envoyés',
        querystring: adminListQuery,
        response: { 200: capturedEmailsResponse },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return {
        isSmtpConfigured: Boolean(config.SMTP_URL),
        items: await listCapturedEmails(db, request.query),
      };
    },
  );

  app.get(
    '/api/v1/admin/notifications/deliveries',
    {
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Le journal des envois : canal, résultat, erreur',
        querystring: adminListQuery,
        response: { 200: deliveryLogResponse },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return { items: await listDeliveryLog(db, request.query) };
    },
  );
};
