// The browsers a person allowed to show Guichet's notifications: one PushSubscription each.
import type { Sql } from '../platform/index.ts';
import type { PushTarget } from './push-channel.ts';

export type SavePushSubscriptionInput = {
  personId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string | null;
};

/**
 * Keeps a browser's subscription for the person. The endpoint is the browser's own: subscribing
 * again (new keys, or another person logging in on the same browser) replaces it.
 */
export const savePushSubscription = async (
  db: Sql,
  { personId, endpoint, keys, userAgent }: SavePushSubscriptionInput,
) => {
  const [row] = await db.query<{ id: string }>(
    `insert into notifications.push_subscriptions (person_id, endpoint, p256dh, auth, user_agent)
     values ($1, $2, $3, $4, $5)
     on conflict (endpoint) do update set person_id = excluded.person_id, p256dh = excluded.p256dh,
       auth = excluded.auth, user_agent = excluded.user_agent, created_at = now()
     returning id`,
    [personId, endpoint, keys.p256dh, keys.auth, userAgent?.slice(0, 300) ?? null],
  );
  return row!.id;
};

/** Forgets one of the person's browsers; false when it was not theirs. */
export const removePushSubscription = async (db: Sql, { personId, endpoint }: { personId: string; endpoint: string }) =>
  (
    await db.query('delete from notifications.push_subscriptions where person_id = $1 and endpoint = $2 returning id', [
      personId,
      endpoint,
    ])
  ).length === 1;

/** Forgets a subscription its push service says is gone (404, 410). */
export const forgetPushEndpoint = (db: Sql, endpoint: string) =>
  db.query('delete from notifications.push_subscriptions where endpoint = $1', [endpoint]);

export const listPushTargets = (db: Sql, personId: string) =>
  db.query<PushTarget>(
    `select endpoint, p256dh, auth from notifications.push_subscriptions where person_id = $1 order by created_at`,
    [personId],
  );

/** How many browsers of the person receive push notifications. */
export const countPushSubscriptions = async (db: Sql, personId: string) => {
  const [row] = await db.query<{ count: number }>(
    'select count(*)::int as count from notifications.push_subscriptions where person_id = $1',
    [personId],
  );
  return row!.count;
};
