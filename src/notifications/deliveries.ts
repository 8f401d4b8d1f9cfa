// Sent once: a sending (notification × channel × address) is claimed in the database before the
// message leaves and its outcome written after. A retried job, a second worker or a restart finds
// the claim and does not send again.
import type { Sql } from '../platform/index.ts';

export type Channel = 'email' | 'push' | 'sms';
export type DeliveryStatus = 'sent' | 'captured' | 'failed' | 'skipped' | 'interrupted';
export type DeliveryKey = { notificationId: string; channel: Channel; target: string };

const log = (db: Sql, { notificationId, channel, target }: DeliveryKey, status: DeliveryStatus, error: string | null) =>
  db.query(
    `insert into notifications.delivery_log (notification_id, channel, target, status, error)
     values ($1, $2, $3, $4, $5)`,
    [notificationId, channel, target, status, error],
  );

/**
 * True when this caller may send: no sending yet, or only a failed one (retried). A sending left
 * `sending` by a worker that stopped mid-way may have left: it becomes `interrupted`, not resent.
 */
export const claimDelivery = async (db: Sql, key: DeliveryKey): Promise<boolean> => {
  const { notificationId, channel, target } = key;
  const [claimed] = await db.query(
    `insert into notifications.deliveries (notification_id, channel, target, status)
     values ($1, $2, $3, 'sending')
     on conflict (notification_id, channel, target) do update
       set status = 'sending', attempts = notifications.deliveries.attempts + 1, error = null, updated_at = now()
       where notifications.deliveries.status = 'failed'
     returning id`,
    [notificationId, channel, target],
  );
  if (claimed) return true;
  const interrupted = await db.query(
    `update notifications.deliveries set status = 'interrupted', updated_at = now(),
            error = 'Envoi interrompu (arrêt du travailleur) : il a pu partir, il n’est pas renvoyé.'
      where notification_id = $1 and channel = $2 and target = $3 and status = 'sending'
      returning error`,
    [notificationId, channel, target],
  );
  if (interrupted[0]) await log(db, key, 'interrupted', interrupted[0].error as string);
  return false;
};

/** Writes the outcome of a claimed sending, and logs it. */
export const recordDelivery = async (
  db: Sql,
  key: DeliveryKey,
  status: DeliveryStatus,
  error: string | null = null,
) => {
  await db.query(
    `update notifications.deliveries set status = $4, error = $5, updated_at = now()
      where notification_id = $1 and channel = $2 and target = $3`,
    [key.notificationId, key.channel, key.target, status, error],
  );
  await log(db, key, status, error);
};

export type DeliveryLogEntry = {
  notificationId: string;
  kind: string;
  channel: string;
  target: string;
  status: string;
  error: string | null;
  at: string;
};

/** The latest sendings and their outcome, for admins; e-mail and phone partly masked. */
export const listDeliveryLog = async (db: Sql, { limit }: { limit: number }): Promise<DeliveryLogEntry[]> => {
  const rows = await db.query<{
    notification_id: string;
    kind: string;
    channel: string;
    target: string;
    status: string;
    error: string | null;
    logged_at: Date | string;
  }>(
    `select l.notification_id, n.kind, l.channel, l.target, l.status, l.error, l.logged_at
       from notifications.delivery_log l join notifications.notifications n on n.id = l.notification_id
      order by l.id desc limit $1`,
    [limit],
  );
  return rows.map((row) => ({
    notificationId: row.notification_id,
    kind: row.kind,
    channel: row.channel,
    target: maskTarget(row.channel, row.target),
    status: row.status,
    error: row.error,
    at: new Date(row.logged_at).toISOString(),
  }));
};

// An admin sees which kind of address it went to, not the address itself.
const maskTarget = (channel: string, target: string) => {
  if (channel === 'email') return target.replace(/^(.).*(@.*)$/, '$1…$2');
  if (channel === 'push') return new URL(target).origin;
  return target.length > 4 ? `${target.slice(0, 4)}…` : target;
};
