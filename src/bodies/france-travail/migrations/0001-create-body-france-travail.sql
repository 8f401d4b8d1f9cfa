-- The France Travail node's own store (schema body_france_travail): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_france_travail;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_france_travail.inbox (
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

create table body_france_travail.demandeurs (
  nir text primary key,
  identifiant text not null unique,
  registered_on date not null,
  categorie text not null check (categorie in ('A', 'B', 'C', 'D', 'E'))
);
