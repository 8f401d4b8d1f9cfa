-- Steps a person marked done (or that a declaration or payment completed), and the private token
-- of each person's calendar feed (only its hash is kept).
create schema if not exists journeys;

create table journeys.step_completions (
  person_id uuid not null,
  journey text not null,
  step_id text not null,
  source text not null check (source in ('person', 'declaration', 'payment')),
  completed_at timestamptz not null default now(),
  primary key (person_id, journey, step_id)
);

create table journeys.calendar_feeds (
  person_id uuid primary key,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
