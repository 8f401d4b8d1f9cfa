-- The la CPAM node's own store (schema body_cpam): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_cpam;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_cpam.inbox (
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

create table body_cpam.assures (
  nir text primary key,
  -- Code of the caisse (department) that manages the file.
  caisse text not null,
  affiliated_since date not null,
  medecin_traitant text
);

-- Minors covered through a parent.
create table body_cpam.ayants_droit (
  id bigserial primary key,
  assure_nir text not null references body_cpam.assures (nir),
  nir text,
  given_names text not null,
  family_name text not null,
  sex text not null check (sex in ('F', 'M')),
  birth_date date not null,
  since date not null,
  correlation_id text
);
create index ayants_droit_by_assure on body_cpam.ayants_droit (assure_nir);

create table body_cpam.maternites (
  nir text not null references body_cpam.assures (nir),
  expected_on date not null,
  status text not null check (status in ('en_cours', 'naissance')),
  birth_date date,
  primary key (nir, expected_on)
);
