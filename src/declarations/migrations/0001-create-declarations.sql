-- The citizen's declarations ("tell us once"): what the person declared, to whom the guichet sent
-- it and why. Delivery statuses live in the exchange hub's outbox, found by correlation id (the
-- declaration's id). No NIR here: the declarant is a person id of the people module.
create schema if not exists declarations;

create table declarations.declarations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  type text not null check (type in ('naissance')),
  -- What the person declared (the children's names, dates and places…), as validated.
  content jsonb not null,
  -- The routing shown before sending, kept as it was when sent: party, purpose, why, legal basis,
  -- decision, and the hub's intake code for that recipient.
  recipients jsonb not null,
  created_at timestamptz not null default now()
);
create index declarations_by_person on declarations.declarations (person_id, created_at desc);
