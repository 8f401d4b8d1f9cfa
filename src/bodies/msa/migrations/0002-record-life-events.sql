-- What the MSA records from the declarations other than births (issue 4): address, couple
-- situation and bank account of each member, maternity files, resources, deaths.
alter table body_msa.adherents
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text,
  add column situation_familiale text check (situation_familiale in ('seul', 'couple', 'pacs', 'marie', 'separe', 'veuf')),
  add column iban text,
  add column bic text,
  add column died_on date;

alter table body_msa.ayants_droit add column died_on date;

create table body_msa.maternites (
  nir text not null references body_msa.adherents (nir),
  expected_on date not null,
  status text not null check (status in ('en_cours', 'naissance')),
  correlation_id text,
  primary key (nir, expected_on)
);

create table body_msa.ressources (
  id bigserial primary key,
  adherent_nir text not null references body_msa.adherents (nir),
  activity text not null check (activity in ('nouvel_emploi', 'perte_emploi', 'retraite')),
  monthly_net_cents integer not null check (monthly_net_cents >= 0),
  since date not null,
  correlation_id text
);
