-- The l'Assurance retraite (CNAV) node's own store (schema body_cnav): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_cnav;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_cnav.inbox (
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

create table body_cnav.assures (
  nir text primary key,
  status text not null check (status in ('actif', 'retraite')),
  first_year integer not null
);

-- Children recorded for the parents' family rights (majoration de durée d'assurance).
create table body_cnav.enfants (
  id bigserial primary key,
  parent_nir text not null references body_cnav.assures (nir),
  given_names text not null,
  birth_date date not null,
  correlation_id text
);
create index enfants_by_parent on body_cnav.enfants (parent_nir);
