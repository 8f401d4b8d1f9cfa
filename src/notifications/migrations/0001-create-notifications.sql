-- The notification centre of each person, their channel preferences, web push subscriptions and
-- keys, and the log of every sending. Person ids come from the people module (no foreign key
-- across modules).

create schema if not exists notifications;

create table notifications.notifications (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  -- What it is about, for filtering and icons: 'appointment-reminder', 'declaration-status'…
  kind text not null check (kind ~ '^[a-z0-9-]+$'),
  title_fr text not null check (title_fr <> ''),
  title_en text not null check (title_en <> ''),
  body_fr text not null,
  body_en text not null,
  -- A path of the web app (/mon-espace/…) or null.
  link text check (link is null or link ~ '^/'),
  -- Chosen by the caller: notifying twice with the same key makes one notification.
  dedupe_key text not null unique check (dedupe_key <> ''),
  -- Shown in the centre and sent from this time on.
  due_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  read_at timestamptz
);

-- The centre's list (newest due first) and the unread count.
create index notifications_by_person on notifications.notifications (person_id, due_at desc);
create index notifications_unread on notifications.notifications (person_id) where read_at is null;

-- A person without a row has the defaults: e-mail and push on, SMS off, no quiet hours.
create table notifications.preferences (
  person_id uuid primary key,
  email_enabled boolean not null default true,
  push_enabled boolean not null default true,
  sms_enabled boolean not null default false,
  -- Quiet hours in Europe/Paris time; an end before the start spans midnight (22:00 → 07:00).
  quiet_start time,
  quiet_end time,
  updated_at timestamptz not null default now(),
  check ((quiet_start is null) = (quiet_end is null)),
  check (quiet_start is null or quiet_start <> quiet_end)
);

-- A browser's push subscription (PushSubscription.toJSON()): its endpoint is the push service's.
create table notifications.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  endpoint text not null unique check (endpoint ~ '^https?://'),
  p256dh text not null,
  auth text not null,
  user_agent text,
  created_at timestamptz not null default now()
);

create index push_subscriptions_by_person on notifications.push_subscriptions (person_id);

-- The application server's VAPID key pair (RFC 8292), made once on first start: one row.
create table notifications.vapid_keys (
  id boolean primary key default true check (id),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);

-- One sending of a notification on one channel to one address (an e-mail, a push endpoint, a
-- phone). Claimed ('sending') before the message leaves, so that a retried or concurrent job never
-- sends it twice; its outcome is written after.
create table notifications.deliveries (
  id bigserial primary key,
  notification_id uuid not null references notifications.notifications (id) on delete cascade,
  channel text not null check (channel in ('email', 'push', 'sms')),
  target text not null,
  -- sending: claimed, outcome not yet known; sent: accepted by the SMTP server or push service;
  -- captured: no SMTP server configured, kept in captured_emails (demo); failed: will be retried;
  -- skipped: nothing to send to or channel not configured; interrupted: the worker stopped while
  -- sending, so it may or may not have left, and is not sent again.
  status text not null check (status in ('sending', 'sent', 'captured', 'failed', 'skipped', 'interrupted')),
  attempts integer not null default 1,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (notification_id, channel, target)
);

-- Every attempt and its outcome, append-only: what admins read to know what was sent.
create table notifications.delivery_log (
  id bigserial primary key,
  notification_id uuid not null references notifications.notifications (id) on delete cascade,
  channel text not null,
  target text not null,
  status text not null,
  error text,
  logged_at timestamptz not null default now()
);

create index delivery_log_by_notification on notifications.delivery_log (notification_id, id);

-- E-mails built but not sent because no SMTP server is configured (the embedded demo): the whole
-- RFC 5322 message as nodemailer wrote it, for the admin page « E-mails capturés (démo) ».
create table notifications.captured_emails (
  id bigserial primary key,
  notification_id uuid references notifications.notifications (id) on delete set null,
  recipient text not null,
  subject text not null,
  text_body text not null,
  raw_message text not null,
  captured_at timestamptz not null default now()
);
