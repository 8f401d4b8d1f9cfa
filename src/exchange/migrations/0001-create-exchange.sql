-- The exchange hub (the BCSS model): parties and their public keys, the directory of references,
-- the outbox of messages to deliver and the hash-chained message log. No NIR is ever stored here:
-- persons are known by a keyed pseudonym (HMAC-SHA256 of the NIR with the hub's key).
create schema if not exists exchange;

-- Every party that may send or receive: the guichet, the hub itself and each body's node.
create table exchange.parties (
  id text primary key check (id ~ '^[a-z][a-z-]*$'),
  -- Where the hub delivers to this party's connector; null for a party that receives nothing.
  base_url text,
  -- Ed25519 public key as a JWK; published at /exchange/v1/keys.
  public_key jsonb not null,
  -- Registered by this process at start-up (default URL on the same server) rather than by an administrator.
  is_embedded boolean not null default true,
  updated_at timestamptz not null default now()
);

-- Which party holds a file on which person, in which capacity and for which period: declared by the bodies.
create table exchange.directory (
  subject_key text not null check (subject_key ~ '^[0-9a-f]{64}$'),
  party text not null,
  capacity text not null check (capacity <> ''),
  -- The body's own number for its file (allocataire number…), so that it can find it again.
  reference text,
  period_start date not null,
  period_end date,
  declared_at timestamptz not null default now(),
  primary key (subject_key, party, capacity)
);
create index directory_by_party on exchange.directory (party);

-- Messages accepted by the hub and waiting to be delivered (or delivered, kept for the status).
-- Per recipient and person, only the oldest undelivered message may be claimed: order holds while a body is down.
create table exchange.outbox (
  id bigserial primary key,
  message_id uuid not null unique,
  idempotency_key text not null unique,
  correlation_id text not null,
  sender text not null,
  recipient text not null,
  subject_key text not null,
  type text not null,
  category text not null,
  purpose text not null,
  -- The signed message, encrypted with the hub's key (AES-256-GCM); cleared once acknowledged.
  sealed text,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  ack_status text check (ack_status in ('received', 'processed', 'rejected')),
  ack_code text,
  ack_reason text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  check ((status = 'delivered') = (ack_status is not null))
);
create index outbox_queues on exchange.outbox (recipient, subject_key, id) where status in ('pending', 'dead');
create index outbox_by_correlation on exchange.outbox (correlation_id, id);
create index outbox_dead on exchange.outbox (id) where status = 'dead';

-- Every exchange, without its content: who, to whom, which category, why, when, outcome.
-- Each row's hash covers the previous row's hash: changing or removing a row breaks the chain.
create table exchange.message_log (
  seq bigserial primary key,
  logged_at timestamptz not null,
  event text not null check (event in ('accepted', 'refused', 'delivered', 'rejected', 'dead', 'retried', 'holdings')),
  message_id uuid,
  correlation_id text,
  sender text not null,
  recipient text not null,
  category text not null,
  purpose text not null,
  subject_key text,
  code text not null,
  prev_hash text not null,
  hash text not null unique
);
create index message_log_by_subject on exchange.message_log (subject_key, seq) where subject_key is not null;
create index message_log_by_correlation on exchange.message_log (correlation_id, seq) where correlation_id is not null;

create function exchange.refuse_log_change() returns trigger
language plpgsql as $$
begin
  raise exception 'exchange.message_log est en ajout seul : % refusé (append-only: % refused)', tg_op, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger message_log_append_only
  before update or delete on exchange.message_log
  for each row execute function exchange.refuse_log_change();

create trigger message_log_no_truncate
  before truncate on exchange.message_log
  for each statement execute function exchange.refuse_log_change();
