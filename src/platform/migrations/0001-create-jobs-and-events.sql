-- Domain events (append-only) and the durable job queue every module uses.

-- An event says what happened, once and for good: it is never changed nor removed.
create table platform.events (
  id bigserial primary key,
  type text not null check (type <> ''),
  -- Who or what it is about (a person id, a case id…), to read a subject's history in order.
  subject text,
  payload jsonb not null default '{}',
  occurred_at timestamptz not null default now(),
  recorded_by text not null check (recorded_by <> '')
);

create index events_by_subject on platform.events (subject, id) where subject is not null;
create index events_by_type on platform.events (type, id);

create function platform.refuse_event_change() returns trigger
language plpgsql as $$
begin
  raise exception 'platform.events est en ajout seul : % refusé (append-only: % refused)', tg_op, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger events_append_only
  before update or delete on platform.events
  for each row execute function platform.refuse_event_change();

create trigger events_no_truncate
  before truncate on platform.events
  for each statement execute function platform.refuse_event_change();

-- Jobs: claimed with FOR UPDATE SKIP LOCKED under a lease (locked_until); see jobs/queue.ts.
create table platform.jobs (
  id bigserial primary key,
  type text not null check (type <> ''),
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 10 check (max_attempts >= 1),
  run_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  idempotency_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((status = 'running') = (locked_until is not null))
);

-- What the workers look at on every poll: small partial indexes.
create index jobs_claimable on platform.jobs (run_at, id) where status = 'queued';
create index jobs_leases on platform.jobs (locked_until) where status = 'running';
-- What the admin screens and the purge read.
create index jobs_by_status on platform.jobs (status, id);
create index jobs_by_type on platform.jobs (type, id);
