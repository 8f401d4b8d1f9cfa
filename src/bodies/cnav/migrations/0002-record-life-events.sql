-- What the CNAV records from the declarations other than births (issue 4): pensions (claimed at
-- retirement, stopped at death, survivor's pension to examine), address, bank account.
alter table body_cnav.assures
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text,
  add column iban text,
  add column bic text,
  add column died_on date;

create table body_cnav.pensions (
  id bigserial primary key,
  nir text not null references body_cnav.assures (nir),
  kind text not null check (kind in ('droit_propre', 'reversion')),
  period_start date not null,
  period_end date,
  status text not null check (status in ('a_instruire', 'en_paiement', 'arretee')),
  correlation_id text
);
create index pensions_by_nir on body_cnav.pensions (nir);
