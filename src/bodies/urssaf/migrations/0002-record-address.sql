-- The contributor's address, from a declared change of address (issue 4).
alter table body_urssaf.cotisants
  add column address_label text,
  add column address_postcode text,
  add column address_commune_code text;
