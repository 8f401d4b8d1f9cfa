-- What the CPAM records from the declarations other than births (issue 4): the insured person's
-- address (the caisse follows the département), bank account, end of rights at death, and the
-- capital décès to examine for the family.
alter table body_cpam.assures
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text,
  add column iban text,
  add column bic text,
  add column died_on date;

alter table body_cpam.ayants_droit add column died_on date;
alter table body_cpam.maternites add column correlation_id text;

create table body_cpam.capitaux_deces (
  id bigserial primary key,
  defunt_nir text not null references body_cpam.assures (nir),
  beneficiaire_nir text not null,
  status text not null check (status in ('a_instruire', 'paye')),
  correlation_id text
);
