// The notifications module: each person's notification centre, their channels (e-mail over SMTP,
// web push, an SMS adapter), their preferences and quiet hours, and the sending of each
// notification once, as a durable job, logged with its outcome. Other modules import only this.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { deliverNotification } from './deliver-notification.ts';
import { DELIVER_JOB } from './notify.ts';
import { mountNotificationsRoutes } from './routes.ts';

/** The module's manifest: schema `notifications`, its migrations, routes and the sending job. */
export const notificationsModule: GuichetModule = {
  name: 'notifications',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountNotificationsRoutes,
  jobs: { [DELIVER_JOB]: deliverNotification },
};

/**
 * Notifies a person, in the caller's transaction: the notification appears in their centre at
 * `dueAt` (now by default) and is sent by their channels then. The same `dedupeKey` twice makes one.
 */
export { notify, type NotifyInput } from './notify.ts';

/** The SMS provider's interface, for the module that will plug a real one in. */
export type { SmsAdapter } from './sms-channel.ts';
