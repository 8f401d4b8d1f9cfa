// English texts of the notifications pages, spread into `en.ts` (same keys as `notifications.fr.ts`).
import type { notificationsFr } from './notifications.fr.ts';

export const notificationsEn: Record<keyof typeof notificationsFr, string> = {
  'nav.notifications': 'Notifications',
  'nav.notificationsUnreadSuffix': ', {count} unread',
  'nav.capturedEmails': 'Sent e-mails (demo)',

  'notif.title': 'Notifications',
  'notif.lead':
    'Messages from Guichet: appointment reminders, next steps, news of your declarations. Choose below how you are told.',
  'notif.listTitle': 'Your notifications',
  'notif.unreadSummary': '{count} unread',
  'notif.none': 'You have no notifications yet.',
  'notif.unread': 'Unread',
  'notif.receivedOn': 'Received on {date}',
  'notif.open': 'Open',
  'notif.openLabel': 'Open: {title}',
  'notif.markRead': 'Mark as read',
  'notif.markReadLabel': 'Mark as read: {title}',
  'notif.markAllRead': 'Mark all as read',
  'notif.markedRead': 'Notification marked as read.',
  'notif.allMarkedRead': 'All your notifications are marked as read.',

  'notif.prefsTitle': 'How you are told',
  'notif.prefsLead':
    'Your notifications always stay here. You may also receive them elsewhere, and choose the hours when you do not want to be disturbed.',
  'notif.channelsLegend': 'Also receive my notifications',
  'notif.channel.email': 'By e-mail',
  'notif.channel.emailHint': 'At {address}.',
  'notif.channel.emailNoAddress': 'No address known: add one in My space.',
  'notif.channel.emailCaptured': 'Demo: no mail server is configured, e-mails are kept to be shown and are not sent.',
  'notif.channel.push': 'By a browser notification',
  'notif.channel.pushHint': 'On the browsers where you turned it on ({count}).',
  'notif.channel.sms': 'By text message',
  'notif.channel.smsUnavailable': 'Not available yet: no text message service is connected.',
  'notif.quietLegend': 'Quiet hours (Paris time)',
  'notif.quietEnabled': 'Send me nothing during quiet hours',
  'notif.quietHint':
    'A message due during these hours leaves when they end. It still appears here. A range that ends before it starts spans midnight (22:00 → 07:00).',
  'notif.quietStart': 'Start',
  'notif.quietEnd': 'End',
  'notif.save': 'Save my choices',
  'notif.saved': 'Your choices are saved.',

  'notif.browserTitle': 'On this browser',
  'notif.browserOn': 'This browser shows your Guichet notifications.',
  'notif.browserOff': 'This browser does not show your Guichet notifications.',
  'notif.browserEnable': 'Turn on for this browser',
  'notif.browserDisable': 'Turn off for this browser',
  'notif.browserUnsupported':
    'This browser does not allow notifications (or the page is not on https). You can receive them by e-mail.',
  'notif.browserDenied':
    'You refused notifications for this site. To change your mind, allow them in the browser’s settings.',
  'notif.browserEnabled': 'Notifications are on for this browser.',
  'notif.browserDisabled': 'Notifications are off for this browser.',

  'emails.title': 'Sent e-mails (demo)',
  'emails.lead':
    'The e-mails Guichet wrote. Without a configured mail server (SMTP_URL), they are only captured here: none was sent.',
  'emails.captureNotice': 'Demo capture: SMTP_URL is not configured. These e-mails were sent to nobody.',
  'emails.smtpNotice':
    'An SMTP server is configured: e-mails really leave and are no longer captured. The list shows earlier captures.',
  'emails.listTitle': 'The e-mails written',
  'emails.none': 'No e-mail captured yet.',
  'emails.to': 'To: {to}',
  'emails.capturedOn': 'Captured on {date}',
  'emails.showRaw': 'See the whole message (MIME headers)',
  'emails.logTitle': 'Sending log',
  'emails.logCaption': 'The latest sendings, by channel, with their outcome',
  'emails.col.at': 'Date',
  'emails.col.kind': 'Notification',
  'emails.col.channel': 'Channel',
  'emails.col.target': 'Recipient (masked)',
  'emails.col.status': 'Outcome',
  'emails.col.error': 'Error',
  'emails.status.sent': 'sent',
  'emails.status.captured': 'captured (demo)',
  'emails.status.failed': 'failed',
  'emails.status.skipped': 'not sent',
  'emails.status.interrupted': 'interrupted',
  'emails.noLog': 'No sending yet.',
};
