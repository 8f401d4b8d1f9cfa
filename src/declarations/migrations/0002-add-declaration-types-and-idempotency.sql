-- Every declaration type of issue 4, and the double-submit guard: the key the client sends with a
-- declaration (one per form filled in) is unique per person, so a double click or a retry after a
-- timeout finds the declaration already made instead of making a second one.
alter table declarations.declarations drop constraint declarations_type_check;
alter table declarations.declarations add constraint declarations_type_check
  check (type in ('naissance', 'grossesse', 'adresse', 'foyer', 'activite', 'banque', 'deces'));

alter table declarations.declarations add column idempotency_key text
  check (idempotency_key ~ '^[A-Za-z0-9_-]{8,100}$');
create unique index declarations_idempotency on declarations.declarations (person_id, idempotency_key);
