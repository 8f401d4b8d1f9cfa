-- The la CAF node's own store (schema body_caf): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_caf;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_caf.inbox (
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

-- Allocataires: the CAF's file on a family, under its reference person.
create table body_caf.allocataires (
  reference text primary key check (reference ~ '^[0-9]{7}$'),
  nir text not null unique,
  conjoint_nir text unique,
  opened_on date not null
);

create table body_caf.enfants (
  id bigserial primary key,
  allocataire text not null references body_caf.allocataires (reference),
  given_names text not null,
  family_name text not null,
  sex text not null check (sex in ('F', 'M')),
  birth_date date not null,
  birth_place text,
  correlation_id text,
  recorded_at timestamptz not null default now()
);
create index enfants_by_allocataire on body_caf.enfants (allocataire);

-- Benefits by OpenFisca variable name (af, paje_naissance…), with their period. The amount is set by
-- the rights engine when the claim is examined (a_instruire), never written here by hand.
create table body_caf.prestations (
  id bigserial primary key,
  allocataire text not null references body_caf.allocataires (reference),
  benefit text not null,
  period_start date not null,
  period_end date,
  amount_cents integer check (amount_cents >= 0),
  status text not null check (status in ('a_instruire', 'a_payer', 'payee')),
  correlation_id text,
  created_at timestamptz not null default now()
);
create index prestations_by_allocataire on body_caf.prestations (allocataire);
