-- The la DGFiP node's own store (schema body_dgfip): what it received through its connector, and its files.
-- On the embedded default it shares the database; run apart, it has a database of its own.
create schema if not exists body_dgfip;

-- Every message received, once: the idempotency key makes a replay a no-op. No content is kept here.
create table body_dgfip.inbox (
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

-- Tax households (foyers fiscaux) with the declared income of the last year (demo: declared incomes summed).
create table body_dgfip.foyers (
  reference text primary key,
  year integer not null,
  revenu_fiscal_reference_cents bigint not null check (revenu_fiscal_reference_cents >= 0)
);

create table body_dgfip.foyer_personnes (
  id bigserial primary key,
  foyer text not null references body_dgfip.foyers (reference),
  nir text,
  given_names text not null,
  birth_date date not null,
  role text not null check (role in ('declarant', 'personne_a_charge')),
  since date not null,
  correlation_id text
);
create index foyer_personnes_by_foyer on body_dgfip.foyer_personnes (foyer);
create unique index foyer_declarant on body_dgfip.foyer_personnes (nir) where role = 'declarant';
