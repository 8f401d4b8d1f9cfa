-- What France Travail records from the declarations (issue 4): registrations opened on a job loss
-- and closed on a new job or retirement, the jobseeker's address and bank account.
alter table body_france_travail.demandeurs
  add column ended_on date,
  add column address_commune_code text,
  add column address_postcode text,
  add column iban text,
  add column bic text;
