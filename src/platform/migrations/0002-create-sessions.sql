-- Login sessions (server-side, so they can be revoked) and the instance secret.

-- The cookie holds a random token; only its SHA-256 is stored, so a leaked table opens no session.
create table platform.sessions (
  token_hash text primary key,
  kind text not null check (kind in ('citizen', 'agent')),
  issuer text not null,
  subject text not null,
  user_data jsonb not null,
  -- Sent back in the x-csrf-token header on every unsafe /api/ request of this session.
  csrf_token text not null,
  -- Kept for RP-initiated logout (id_token_hint at the identity provider).
  id_token text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- The earlier of last_seen_at + idle timeout and created_at + maximum length, moved on activity.
  expires_at timestamptz not null
);

create index sessions_by_expiry on platform.sessions (expires_at);
create index sessions_by_subject on platform.sessions (issuer, subject);

-- Secrets generated once when none is configured (GUICHET_SECRET), so that sessions, cookies and
-- the embedded identity provider's keys survive a restart.
create table platform.secrets (
  name text primary key,
  value text not null check (value <> ''),
  created_at timestamptz not null default now()
);
