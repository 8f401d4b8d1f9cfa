// The e-mails the embedded default built but did not send (no SMTP_URL), for the admin page
// « E-mails capturés (démo) »: the demo shows what a person would have received.
import type { Sql } from '../platform/index.ts';

export type CapturedEmail = {
  id: number;
  notificationId: string | null;
  to: string;
  subject: string;
  text: string;
  /** The whole RFC 5322 message as nodemailer wrote it (headers, MIME parts). */
  raw: string;
  capturedAt: string;
};

/** The latest captured e-mails, newest first. */
export const listCapturedEmails = async (db: Sql, { limit }: { limit: number }): Promise<CapturedEmail[]> => {
  const rows = await db.query<{
    id: string | number;
    notification_id: string | null;
    recipient: string;
    subject: string;
    text_body: string;
    raw_message: string;
    captured_at: Date | string;
  }>(
    `select id, notification_id, recipient, subject, text_body, raw_message, captured_at
       from notifications.captured_emails order by id desc limit $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    notificationId: row.notification_id,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    raw: row.raw_message,
    capturedAt: new Date(row.captured_at).toISOString(),
  }));
};
