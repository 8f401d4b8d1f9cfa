-- PACS are registered by the officier de l'état civil (Code civil, art. 515-3, since 2017).
alter table body_etat_civil.actes drop constraint actes_kind_check;
alter table body_etat_civil.actes add constraint actes_kind_check check (kind in ('naissance', 'mariage', 'pacs', 'deces'));
