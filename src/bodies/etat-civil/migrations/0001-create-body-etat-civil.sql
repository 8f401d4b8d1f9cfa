-- The l'état civil node's own store (schema body_etat_civil): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_etat_civil;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_etat_civil.inbox (
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

-- Civil registry entries (actes): births, marriages, deaths.
create table body_etat_civil.actes (
  numero text primary key,
  kind text not null check (kind in ('naissance', 'mariage', 'deces')),
  event_date date not null,
  commune_code text not null,
  nir text,
  given_names text,
  family_name text,
  sex text check (sex in ('F', 'M')),
  parent1_nir text,
  parent2_nir text,
  spouse_nir text,
  correlation_id text,
  recorded_at timestamptz not null default now()
);
create index actes_by_nir on body_etat_civil.actes (nir);
