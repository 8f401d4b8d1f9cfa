// The one way other modules reach a person: a notification in their centre, then by their
// channels (e-mail, push, SMS) per their preferences. Written in the caller's transaction, so
// the notification and its sending exist only if the caller's change commits.
import { z } from 'zod';
import { AppError, enqueueJob, type Sql } from '../platform/index.ts';

export const DELIVER_JOB = 'notifications.deliver-notification';
export type DeliverPayload = { notificationId: string };

const bilingualText = (max: number) =>
  z.strictObject({ fr: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const notifyInput = z.strictObject({
  personId: z.uuid(),
  /** What it is about, in kebab-case: `appointment-reminder`, `declaration-status`… */
  kind: z.string().regex(/^[a-z0-9-]+$/, 'en minuscules et tirets (kebab-case)'),
  title: bilingualText(200),
  body: bilingualText(2000),
  /** A page of the web app (`/mon-espace/…`), or null. */
  link: z
    .string()
    .regex(/^\/[^/]/, 'un chemin de l’application qui commence par /')
    .nullable()
    .optional(),
  /** Not shown nor sent before this time; now by default. */
  dueAt: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  /** Chosen by the caller: notifying again with the same key changes nothing (one notification, sent once). */
  dedupeKey: z.string().min(1).max(300),
});

export type NotifyInput = z.input<typeof notifyInput>;

/**
 * Records the notification and schedules its sending as a durable job keyed by `dedupeKey`: calling
 * twice (a retried job, two workers) makes one notification and one sending. Returns its id.
 */
export const notify = async (tx: Sql, input: NotifyInput): Promise<{ id: string; isNew: boolean }> => {
  const parsed = notifyInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A programming error of the calling module, said plainly in its logs and job's last error.
    throw new AppError('invalid_notification', {
      field: issue.path.join('.'),
      messages: {
        fr: `Notification invalide (${issue.path.join('.')}) : ${issue.message}`,
        en: `Invalid notification (${issue.path.join('.')}): ${issue.message}`,
      },
    });
  }
  const { personId, kind, title, body, link, dueAt, dedupeKey } = parsed.data;
  const due = dueAt ? new Date(dueAt) : new Date();
  const [inserted] = await tx.query<{ id: string }>(
    `insert into notifications.notifications
       (person_id, kind, title_fr, title_en, body_fr, body_en, link, dedupe_key, due_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (dedupe_key) do nothing
     returning id`,
    [personId, kind, title.fr, title.en, body.fr, body.en, link ?? null, dedupeKey, due.toISOString()],
  );
  if (!inserted) {
    const [existing] = await tx.query<{ id: string }>(
      'select id from notifications.notifications where dedupe_key = $1',
      [dedupeKey],
    );
    return { id: existing!.id, isNew: false };
  }
  const payload: DeliverPayload = { notificationId: inserted.id };
  await enqueueJob(tx, { type: DELIVER_JOB, payload, runAt: due, idempotencyKey: `${DELIVER_JOB}:${inserted.id}` });
  return { id: inserted.id, isNew: true };
};
