-- The l'Urssaf node's own store (schema body_urssaf): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_urssaf;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_urssaf.inbox (
  seq bigserial primary key,
  message_id uuid not null,
  idempotency_key text not null unique,
  correlation_id text not null,
  sender text not null,
  type text not null,
  status text not null check (status in ('received', 'processed', 'rejected')),
  code text not null,
  reason jsonb,
  received_at timestamptz not null default now()
);

-- Self-employed contributors.
create table body_urssaf.cotisants (
  nir text primary key,
  reference text not null unique,
  activity text not null,
  since date not null
);
