// The notifications API as the web app calls it (owned by `src/notifications/`): my notification
// centre, my preferences, this browser's push subscription; and the admins' captured e-mails and
// sending log.
import { apiFetch } from './api.ts';

type Bilingual = { fr: string; en: string };

export type AppNotification = {
  id: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  link: string | null;
  at: string;
  readAt: string | null;
};

export type QuietHours = { start: string; end: string };

export type NotificationPreferences = {
  emailEnabled: boolean;
  pushEnabled: boolean;
  smsEnabled: boolean;
  quietHours: QuietHours | null;
};

export type PreferencesView = NotificationPreferences & {
  channels: {
    email: { address: string | null; isCaptured: boolean };
    push: { subscriptions: number };
    sms: { phone: string | null; isAvailable: boolean };
  };
};

export type CapturedEmail = {
  id: number;
  notificationId: string | null;
  to: string;
  subject: string;
  text: string;
  raw: string;
  capturedAt: string;
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

type Unread = { unreadCount: number };

export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    apiFetch<{ items: AppNotification[]; unreadCount: number }>('/api/v1/notifications', { signal }),
  unreadCount: (signal?: AbortSignal) => apiFetch<Unread>('/api/v1/notifications/unread-count', { signal }),
  markRead: (id: string) =>
    apiFetch<Unread>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => apiFetch<Unread>('/api/v1/notifications/read-all', { method: 'POST' }),
  preferences: (signal?: AbortSignal) => apiFetch<PreferencesView>('/api/v1/notifications/preferences', { signal }),
  savePreferences: (preferences: NotificationPreferences) =>
    apiFetch<PreferencesView>('/api/v1/notifications/preferences', { method: 'PUT', body: preferences }),
  vapidPublicKey: () => apiFetch<{ publicKey: string }>('/api/v1/notifications/vapid-public-key'),
  subscribe: (subscription: PushSubscriptionJSON) =>
    apiFetch<{ id: string }>('/api/v1/notifications/push-subscriptions', { method: 'POST', body: subscription }),
  unsubscribe: (endpoint: string) =>
    apiFetch<void>(`/api/v1/notifications/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`, {
      method: 'DELETE',
    }),
  capturedEmails: (signal?: AbortSignal) =>
    apiFetch<{ isSmtpConfigured: boolean; items: CapturedEmail[] }>('/api/v1/admin/notifications/captured-emails', {
      signal,
    }),
  deliveries: (signal?: AbortSignal) =>
    apiFetch<{ items: DeliveryLogEntry[] }>('/api/v1/admin/notifications/deliveries', { signal }),
};

/** Said by the notifications page when the unread count changed, so the header's badge follows. */
export const UNREAD_CHANGED_EVENT = 'guichet:notifications-unread';

export const announceUnreadCount = (unreadCount: number) =>
  window.dispatchEvent(new CustomEvent<number>(UNREAD_CHANGED_EVENT, { detail: unreadCount }));
