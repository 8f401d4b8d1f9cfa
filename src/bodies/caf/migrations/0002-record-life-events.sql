-- What the CAF records from the declarations other than births (issue 4): the family's address,
-- couple situation and bank account on the file, declared pregnancies, each person's resources
-- from a change of activity, and the death of a child.
alter table body_caf.allocataires
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text,
  add column address_since date,
  add column situation_familiale text check (situation_familiale in ('seul', 'couple', 'pacs', 'marie', 'separe', 'veuf')),
  add column iban text,
  add column bic text;

alter table body_caf.enfants add column died_on date;

create table body_caf.grossesses (
  id bigserial primary key,
  allocataire text not null references body_caf.allocataires (reference),
  nir text not null,
  expected_on date not null,
  correlation_id text,
  recorded_at timestamptz not null default now()
);
create index grossesses_by_allocataire on body_caf.grossesses (allocataire);

-- Resources declared from a change of activity, used when the rights engine recomputes benefits.
create table body_caf.ressources (
  id bigserial primary key,
  allocataire text not null references body_caf.allocataires (reference),
  nir text not null,
  activity text not null check (activity in ('nouvel_emploi', 'perte_emploi', 'retraite')),
  monthly_net_cents integer not null check (monthly_net_cents >= 0),
  since date not null,
  correlation_id text
);
create index ressources_by_allocataire on body_caf.ressources (allocataire);
