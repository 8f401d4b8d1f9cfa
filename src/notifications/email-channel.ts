// E-mail over SMTP with nodemailer. With SMTP_URL set, the message goes to that server. Without
// it (the embedded default), nodemailer still builds the whole message but it is only captured in
// notifications.captured_emails for the demo's admin page: nothing leaves the machine.
import nodemailer from 'nodemailer';
import type { Config, Sql } from '../platform/index.ts';

export type EmailMessage = { to: string; subject: string; text: string };

/** `sent`: accepted by the SMTP server; `captured`: kept for the demo, not sent. */
export type EmailOutcome = 'sent' | 'captured';

/** Sends (SMTP_URL set) or captures (embedded default) one e-mail; throws when the SMTP server refuses it. */
export const sendEmail = async (
  db: Sql,
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>,
  { notificationId, message }: { notificationId: string | null; message: EmailMessage },
): Promise<EmailOutcome> => {
  const mail = { from: config.MAIL_FROM, ...message };
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport({
      url: config.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await transport.sendMail(mail);
    } finally {
      transport.close();
    }
    return 'sent';
  }
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(mail);
  await db.query(
    `insert into notifications.captured_emails (notification_id, recipient, subject, text_body, raw_message)
     values ($1, $2, $3, $4, $5)`,
    [notificationId, message.to, message.subject, message.text, (built.message as Buffer).toString('utf8')],
  );
  return 'captured';
};

/** Where the from address of MAIL_FROM is written (`Guichet <a@b.fr>` → `a@b.fr`). */
export const fromAddress = (mailFrom: string) => mailFrom.match(/<([^<>]+)>$/)?.[1] ?? mailFrom;
