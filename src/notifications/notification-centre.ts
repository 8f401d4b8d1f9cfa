// A person's notification centre: what is due for them, newest first, read or not. A notification
// whose time has not come (a reminder in two days) is not shown yet.
import type { Messages, Sql } from '../platform/index.ts';

export type Notification = {
  id: string;
  kind: string;
  title: Messages;
  body: Messages;
  link: string | null;
  /** When it appeared in the centre (its due time). */
  at: string;
  readAt: string | null;
};

type NotificationRow = {
  id: string;
  kind: string;
  title_fr: string;
  title_en: string;
  body_fr: string;
  body_en: string;
  link: string | null;
  due_at: Date | string;
  read_at: Date | string | null;
};

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  title: { fr: row.title_fr, en: row.title_en },
  body: { fr: row.body_fr, en: row.body_en },
  link: row.link,
  at: new Date(row.due_at).toISOString(),
  readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
});

/** The person's due notifications, newest first; `before` (an id) pages on to older ones. */
export const listNotifications = async (
  db: Sql,
  { personId, limit, before }: { personId: string; limit: number; before?: string | undefined },
): Promise<Notification[]> => {
  const rows = await db.query<NotificationRow>(
    `select id, kind, title_fr, title_en, body_fr, body_en, link, due_at, read_at
       from notifications.notifications
      where person_id = $1 and due_at <= now()
        and ($2::uuid is null or (due_at, id) < (select due_at, id from notifications.notifications
                                                  where id = $2 and person_id = $1))
      order by due_at desc, id desc
      limit $3`,
    [personId, before ?? null, limit],
  );
  return rows.map(toNotification);
};

/** How many due notifications the person has not read: the header's badge. */
export const countUnread = async (db: Sql, personId: string) => {
  const [row] = await db.query<{ count: number }>(
    `select count(*)::int as count from notifications.notifications
      where person_id = $1 and read_at is null and due_at <= now()`,
    [personId],
  );
  return row!.count;
};

/** Marks one of the person's notifications read; false when it is not theirs (or not due). */
export const markRead = async (db: Sql, { personId, id }: { personId: string; id: string }) => {
  const rows = await db.query(
    `update notifications.notifications set read_at = coalesce(read_at, now())
      where id = $1 and person_id = $2 and due_at <= now() returning id`,
    [id, personId],
  );
  return rows.length === 1;
};

/** Marks every due notification of the person read; returns how many were unread. */
export const markAllRead = async (db: Sql, personId: string) => {
  const rows = await db.query(
    `update notifications.notifications set read_at = now()
      where person_id = $1 and read_at is null and due_at <= now() returning id`,
    [personId],
  );
  return rows.length;
};
