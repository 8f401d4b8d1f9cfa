-- What the DGFiP records from the declarations other than births (issue 4): the household's
-- address and account, changes of situation (joint taxation from a marriage or PACS), income
-- changes that modulate the withholding rate, and the end of a person's membership at death.
alter table body_dgfip.foyers
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text,
  add column iban text,
  add column bic text;

alter table body_dgfip.foyer_personnes add column ended_on date;

create table body_dgfip.changements_situation (
  id bigserial primary key,
  foyer text not null references body_dgfip.foyers (reference),
  event text not null check (event in ('mise_en_couple', 'pacs', 'mariage', 'separation', 'deces', 'nouvel_emploi', 'perte_emploi', 'retraite')),
  event_on date not null,
  -- The declared monthly net income from then, for a change of activity (modulation of the rate).
  monthly_net_cents integer check (monthly_net_cents >= 0),
  correlation_id text
);
create index changements_by_foyer on body_dgfip.changements_situation (foyer);
