-- The people module: persons, their households (OpenFisca's three groups), their situation,
-- and who may log in (accounts of citizens, agents of the bodies).
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;

create schema if not exists people;

-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in an index or a
-- generated column; this wrapper pins the dictionary, as the PostgreSQL docs suggest.
create function people.fold(value text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

create table people.persons (
  id uuid primary key default gen_random_uuid(),
  -- 15 characters, Corsica as 2A/2B; null while unknown (a newborn not yet registered).
  nir text unique check (nir ~ '^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$'),
  given_names text not null check (given_names <> ''),
  family_name text not null check (family_name <> ''),
  usage_name text,
  birth_date date not null,
  -- INSEE code of the birth commune, or of the country (99xxx) for a birth abroad: as in the NIR.
  birth_place text not null check (birth_place ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
  birth_country text not null default '99100' check (birth_country ~ '^99[0-9]{3}$'),
  sex text not null check (sex in ('F', 'M')),
  email text,
  phone text,
  address_label text,
  address_postcode text check (address_postcode ~ '^[0-9]{5}$'),
  address_commune_code text check (address_commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
  address_commune_name text,
  address_lat double precision,
  address_lon double precision,
  search_name text generated always as (people.fold(given_names || ' ' || family_name || coalesce(' ' || usage_name, ''))) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index persons_search_name_trgm on people.persons using gin (search_name gin_trgm_ops);
create index persons_pivot on people.persons (birth_date, sex);

-- What the rights engine reads about a person (OpenFisca individu inputs), kept apart from identity.
create table people.person_situations (
  person_id uuid primary key references people.persons (id) on delete cascade,
  -- salarie | independant | chomeur | retraite | etudiant | scolarise | inactif
  employment_status text not null check (employment_status in ('salarie', 'independant', 'chomeur', 'retraite', 'etudiant', 'scolarise', 'inactif')),
  -- OpenFisca statut_marital
  statut_marital text not null default 'celibataire' check (statut_marital in ('celibataire', 'marie', 'pacse', 'divorce', 'veuf')),
  monthly_net_salary_cents integer not null default 0 check (monthly_net_salary_cents >= 0),
  monthly_unemployment_benefit_cents integer not null default 0 check (monthly_unemployment_benefit_cents >= 0),
  monthly_pension_cents integer not null default 0 check (monthly_pension_cents >= 0),
  -- taux_incapacite in percent, 0 when none recognised
  disability_rate integer not null default 0 check (disability_rate between 0 and 100),
  is_pregnant boolean not null default false,
  pregnancy_due_date date,
  updated_at timestamptz not null default now()
);

-- OpenFisca's groups: each person belongs to at most one of each, with one role in it.
create table people.familles (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now()
);
create table people.famille_members (
  person_id uuid primary key references people.persons (id) on delete cascade,
  famille_id uuid not null references people.familles (id) on delete cascade,
  role text not null check (role in ('parents', 'enfants'))
);
create index famille_members_group on people.famille_members (famille_id);

create table people.foyers_fiscaux (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now()
);
create table people.foyer_fiscal_members (
  person_id uuid primary key references people.persons (id) on delete cascade,
  foyer_fiscal_id uuid not null references people.foyers_fiscaux (id) on delete cascade,
  role text not null check (role in ('declarants', 'personnes_a_charge'))
);
create index foyer_fiscal_members_group on people.foyer_fiscal_members (foyer_fiscal_id);

create table people.menages (
  id uuid primary key default gen_random_uuid(),
  -- OpenFisca statut_occupation_logement
  statut_occupation_logement text not null default 'non_renseigne' check (statut_occupation_logement in (
    'non_renseigne', 'primo_accedant', 'proprietaire', 'locataire_hlm', 'locataire_vide', 'locataire_meuble',
    'loge_gratuitement', 'locataire_foyer', 'sans_domicile')),
  loyer_cents integer not null default 0 check (loyer_cents >= 0),
  -- OpenFisca zone_apl
  zone_apl text check (zone_apl in ('zone_1', 'zone_2', 'zone_3')),
  -- OpenFisca depcom: INSEE code of the commune of residence
  depcom text check (depcom ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
  created_at timestamptz not null default now()
);
create table people.menage_members (
  person_id uuid primary key references people.persons (id) on delete cascade,
  menage_id uuid not null references people.menages (id) on delete cascade,
  role text not null check (role in ('personne_de_reference', 'conjoint', 'enfants', 'autres'))
);
create index menage_members_group on people.menage_members (menage_id);
-- One reference person per ménage.
create unique index menage_one_reference on people.menage_members (menage_id) where role = 'personne_de_reference';

create table people.agents (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  given_name text not null,
  family_name text not null,
  body text check (body in ('caf', 'cpam', 'msa', 'urssaf', 'france-travail', 'cnav', 'dgfip', 'etat-civil')),
  function text not null,
  role text not null check (role in ('agent', 'admin')),
  created_at timestamptz not null default now(),
  check (role = 'admin' or body is not null)
);
create unique index agents_email on people.agents (lower(email));

-- One row per OIDC identity (issuer + subject) that logged in, linked to a person or an agent.
create table people.accounts (
  id uuid primary key default gen_random_uuid(),
  issuer text not null,
  subject text not null,
  person_id uuid references people.persons (id) on delete cascade,
  agent_id uuid references people.agents (id) on delete cascade,
  role text not null check (role in ('citizen', 'agent', 'admin')),
  created_at timestamptz not null default now(),
  last_login_at timestamptz not null default now(),
  unique (issuer, subject),
  check ((person_id is null) <> (agent_id is null))
);

-- Set once the demo population is loaded, so that start-up seeds only on the first start.
create table people.demo_seed (
  id boolean primary key default true check (id),
  seed integer not null,
  households integer not null,
  seeded_at timestamptz not null default now()
);
