-- The la MSA node's own store (schema body_msa): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_msa;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_msa.inbox (
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

-- Farmers (exploitants) and farm workers, with the family benefits and health cover of their family.
create table body_msa.adherents (
  nir text primary key,
  reference text not null unique,
  activity text not null check (activity in ('exploitant', 'salarie_agricole', 'conjoint', 'retraite')),
  since date not null
);

create table body_msa.ayants_droit (
  id bigserial primary key,
  adherent_nir text not null references body_msa.adherents (nir),
  nir text,
  given_names text not null,
  family_name text not null,
  sex text not null check (sex in ('F', 'M')),
  birth_date date not null,
  since date not null,
  correlation_id text
);
create index ayants_droit_by_adherent on body_msa.ayants_droit (adherent_nir);

create table body_msa.prestations (
  id bigserial primary key,
  adherent_nir text not null references body_msa.adherents (nir),
  benefit text not null,
  period_start date not null,
  period_end date,
  amount_cents integer check (amount_cents >= 0),
  status text not null check (status in ('a_instruire', 'a_payer', 'payee')),
  correlation_id text,
  created_at timestamptz not null default now()
);
