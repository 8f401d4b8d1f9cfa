// The sending job of one notification: at its due time, unless the person's quiet hours hold it
// back, it goes by every channel the person left on (e-mail, each browser's push, SMS), each
// sending claimed first so that it leaves once, and logged with its outcome.
import { findPerson } from '../people/index.ts';
import { enqueueJob, type Config, type JobHandler, type Logger, type Sql } from '../platform/index.ts';
import { claimDelivery, recordDelivery, type Channel, type DeliveryKey } from './deliveries.ts';
import { fromAddress, sendEmail } from './email-channel.ts';
import { DELIVER_JOB, type DeliverPayload } from './notify.ts';
import { getPreferences } from './preferences.ts';
import { ensureVapidKeys, PushRefusedError, sendPush, type PushMessage } from './push-channel.ts';
import { forgetPushEndpoint, listPushTargets } from './push-subscriptions.ts';
import { endOfQuietHours } from './quiet-hours.ts';
import { notConfiguredSmsAdapter, SMS_NOT_CONFIGURED, type SmsAdapter } from './sms-channel.ts';

type NotificationToSend = {
  id: string;
  personId: string;
  title: { fr: string; en: string };
  body: { fr: string; en: string };
  link: string | null;
};

const NO_ADDRESS = '(aucune)';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** French first, then English; the link is absolute so it works from any mail client. */
const composeEmail = (notification: NotificationToSend, publicUrl: string) => {
  const url = notification.link ? `${publicUrl}${notification.link}` : publicUrl;
  const settings = `${publicUrl}/mes-notifications#preferences`;
  return {
    subject: notification.title.fr,
    text: [
      notification.title.fr,
      '',
      notification.body.fr,
      '',
      `Voir dans Guichet : ${url}`,
      '',
      '— English —',
      '',
      notification.title.en,
      '',
      notification.body.en,
      '',
      `See it in Guichet: ${url}`,
      '',
      '--',
      `Choisir comment Guichet vous prévient / Choose how Guichet tells you: ${settings}`,
    ].join('\n'),
  };
};

type ChannelContext = { db: Sql; config: Config; logger: Logger; notification: NotificationToSend };

// One sending: claimed, made, its outcome recorded. Returns the error to retry for, if any.
const deliverOnce = async (
  { db }: ChannelContext,
  key: DeliveryKey,
  send: () => Promise<{ status: 'sent' | 'captured' | 'skipped' | 'failed'; error?: string; isFinal?: boolean }>,
): Promise<string | null> => {
  if (!(await claimDelivery(db, key))) return null;
  try {
    const outcome = await send();
    await recordDelivery(db, key, outcome.status, outcome.error ?? null);
    return outcome.status === 'failed' && !outcome.isFinal ? (outcome.error ?? 'échec') : null;
  } catch (error) {
    const isFinal = error instanceof PushRefusedError && !error.isTransient;
    await recordDelivery(db, key, 'failed', errorText(error));
    return isFinal ? null : `${key.channel} : ${errorText(error)}`;
  }
};

const deliverByEmail = async (context: ChannelContext) => {
  const { db, config, notification } = context;
  const person = await findPerson(db, notification.personId);
  const to = person?.email;
  const key = { notificationId: notification.id, channel: 'email' as Channel, target: to ?? NO_ADDRESS };
  return deliverOnce(context, key, async () => {
    if (!to) return { status: 'skipped', error: 'Aucune adresse électronique connue pour cette personne.' };
    const status = await sendEmail(db, config, {
      notificationId: notification.id,
      message: { to, ...composeEmail(notification, config.publicUrl) },
    });
    return { status };
  });
};

const deliverByPush = async (context: ChannelContext) => {
  const { db, config, notification } = context;
  const targets = await listPushTargets(db, notification.personId);
  if (targets.length === 0) return [];
  const keys = await ensureVapidKeys(db);
  const message: PushMessage = { title: notification.title, body: notification.body, link: notification.link };
  const subject = `mailto:${fromAddress(config.MAIL_FROM)}`;
  return Promise.all(
    targets.map((target) =>
      deliverOnce(context, { notificationId: notification.id, channel: 'push', target: target.endpoint }, async () => {
        const outcome = await sendPush({ target, message, keys, subject });
        if (outcome.status === 'sent') return { status: 'sent' };
        await forgetPushEndpoint(db, target.endpoint);
        return { status: 'failed', error: outcome.error, isFinal: true };
      }),
    ),
  );
};

const deliverBySms = async (context: ChannelContext, sms: SmsAdapter) => {
  const { db, notification } = context;
  const person = await findPerson(db, notification.personId);
  const to = person?.phone;
  const key = { notificationId: notification.id, channel: 'sms' as Channel, target: to ?? NO_ADDRESS };
  return deliverOnce(context, key, async () => {
    if (!to) return { status: 'skipped', error: 'Aucun numéro de téléphone connu pour cette personne.' };
    const outcome = await sms.send(to, `${notification.title.fr}\n${notification.body.fr}`);
    if (outcome === 'not-configured') return { status: 'skipped', error: SMS_NOT_CONFIGURED };
    return { status: 'sent' };
  });
};

/**
 * The job: sends the notification by the person's channels, or, inside their quiet hours, plans
 * itself again for when they end. Throws (and is retried) when a sending failed for a reason that
 * may pass; sendings already made are not made again.
 */
export const deliverNotification: JobHandler<DeliverPayload> = async ({ notificationId }, { db, config, logger }) => {
  const [row] = await db.query<{
    id: string;
    person_id: string;
    title_fr: string;
    title_en: string;
    body_fr: string;
    body_en: string;
    link: string | null;
  }>(
    `select id, person_id, title_fr, title_en, body_fr, body_en, link
       from notifications.notifications where id = $1`,
    [notificationId],
  );
  if (!row) return;
  const notification: NotificationToSend = {
    id: row.id,
    personId: row.person_id,
    title: { fr: row.title_fr, en: row.title_en },
    body: { fr: row.body_fr, en: row.body_en },
    link: row.link,
  };
  const preferences = await getPreferences(db, notification.personId);
  const quietUntil = preferences.quietHours ? endOfQuietHours(new Date(), preferences.quietHours) : null;
  if (quietUntil) {
    await enqueueJob(db, {
      type: DELIVER_JOB,
      payload: { notificationId } satisfies DeliverPayload,
      runAt: quietUntil,
      idempotencyKey: `${DELIVER_JOB}:${notificationId}:after-quiet-hours:${quietUntil.toISOString()}`,
    });
    logger.info({ notificationId, until: quietUntil.toISOString() }, 'heures calmes : envoi repoussé');
    return;
  }
  const context: ChannelContext = { db, config, logger, notification };
  const errors = [
    preferences.emailEnabled ? await deliverByEmail(context) : null,
    ...(preferences.pushEnabled ? await deliverByPush(context) : []),
    preferences.smsEnabled ? await deliverBySms(context, notConfiguredSmsAdapter(logger)) : null,
  ].filter((error): error is string => error !== null);
  if (errors.length > 0) throw new Error(`Envoi à reprendre : ${errors.join(' ; ')}`);
};
