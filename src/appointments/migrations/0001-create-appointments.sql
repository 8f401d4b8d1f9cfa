-- Appointments with an advisor: the bodies' sites and services, the reasons people book for,
-- the advisors' weekly opening ranges and absences, and the appointments themselves (holds included).
-- Slots are computed from these tables, never stored.
-- btree_gist lets one exclusion constraint mix equality (advisor) and overlap (time range): it is
-- what makes a double booking impossible, whatever the application does.
create extension if not exists btree_gist;

create schema if not exists appointments;

create table appointments.sites (
  id uuid primary key default gen_random_uuid(),
  body text not null check (body ~ '^[a-z-]+$'),
  name text not null check (name <> ''),
  address_label text not null,
  postcode text not null check (postcode ~ '^[0-9]{5}$'),
  commune_code text not null,
  commune_name text not null,
  -- What the site tells visitors ("du lundi au vendredi, 8 h 30 – 16 h 30"): bookable times come from opening ranges.
  opening_hours text not null,
  -- e.g. {step_free_access, hearing_loop, accessible_toilets}
  accessibility text[] not null default '{}',
  phone text
);

create table appointments.services (
  id uuid primary key default gen_random_uuid(),
  body text not null check (body ~ '^[a-z-]+$'),
  name text not null check (name <> ''),
  description text not null default ''
);

create table appointments.reasons (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references appointments.services (id) on delete cascade,
  code text not null unique check (code ~ '^[a-z0-9-]+$'),
  label text not null check (label <> ''),
  description text not null default '',
  duration_minutes integer not null check (duration_minutes between 5 and 480),
  channels text[] not null check (cardinality(channels) > 0 and channels <@ array['video', 'phone', 'in_person']),
  -- 'citizen': anyone may book it online; 'agent': only an agent books it for the person.
  bookable_by text not null default 'citizen' check (bookable_by in ('citizen', 'agent')),
  booking_window_days integer not null check (booking_window_days between 1 and 365),
  min_notice_minutes integer not null default 0 check (min_notice_minutes >= 0),
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  -- [{ code, label: { fr, en } }]
  documents_expected jsonb not null default '[]',
  instructions_before text not null default '',
  instructions_after text not null default '',
  -- The person may cancel or move the appointment until this long before it starts.
  change_deadline_minutes integer not null default 0 check (change_deadline_minutes >= 0),
  is_active boolean not null default true
);

-- An advisor is an agent of a body who receives people. Linked to the people module's agent by
-- its id when there is one (agent_id); generated demo advisors have none.
create table appointments.advisors (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid unique,
  email text not null,
  display_name text not null check (display_name <> ''),
  body text not null check (body ~ '^[a-z-]+$')
);
create unique index advisors_email on appointments.advisors (lower(email));

-- Recurring weekly opening: on this ISO weekday, from start to end, Europe/Paris wall-clock time.
create table appointments.opening_ranges (
  id uuid primary key default gen_random_uuid(),
  advisor_id uuid not null references appointments.advisors (id) on delete cascade,
  site_id uuid not null references appointments.sites (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  channels text[] not null check (cardinality(channels) > 0 and channels <@ array['video', 'phone', 'in_person']),
  valid_from date not null default '2000-01-01',
  valid_until date,
  check (start_time < end_time),
  check (valid_until is null or valid_until >= valid_from)
);
create index opening_ranges_by_advisor on appointments.opening_ranges (advisor_id);

create table appointments.opening_range_reasons (
  opening_range_id uuid not null references appointments.opening_ranges (id) on delete cascade,
  reason_id uuid not null references appointments.reasons (id) on delete cascade,
  primary key (opening_range_id, reason_id)
);
create index opening_range_reasons_by_reason on appointments.opening_range_reasons (reason_id);

create table appointments.absences (
  id uuid primary key default gen_random_uuid(),
  advisor_id uuid not null references appointments.advisors (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  label text not null default '',
  check (starts_at < ends_at)
);
create index absences_by_advisor on appointments.absences (advisor_id, starts_at);

-- A hold is an appointment in status 'held' with an expiry: the same exclusion constraint then
-- guards holds and bookings alike. Statuses follow RDV-Solidarités: booked (à venir), seen
-- (honoré), excused (annulé par la personne), no_show (absence), revoked (annulé par le service).
create table appointments.appointments (
  id uuid primary key default gen_random_uuid(),
  reason_id uuid not null references appointments.reasons (id),
  advisor_id uuid not null references appointments.advisors (id),
  site_id uuid references appointments.sites (id),
  -- The people module's person id (no foreign key across modules).
  person_id uuid not null,
  channel text not null check (channel in ('video', 'phone', 'in_person')),
  status text not null check (status in ('held', 'booked', 'seen', 'excused', 'no_show', 'revoked')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- The advisor's time taken: the appointment with the reason's buffers before and after.
  busy tstzrange not null,
  hold_expires_at timestamptz,
  -- Bumped at each reschedule or cancellation: the ICS SEQUENCE (RFC 5545 §3.8.7.4).
  sequence integer not null default 0,
  booked_by text not null default 'citizen' check (booked_by in ('citizen', 'agent')),
  created_at timestamptz not null default now(),
  booked_at timestamptz,
  cancelled_at timestamptz,
  check (starts_at < ends_at),
  check (busy @> tstzrange(starts_at, ends_at)),
  check ((status = 'held') = (hold_expires_at is not null)),
  -- One advisor, one appointment at a time: the database refuses the second of two concurrent bookings.
  constraint advisor_not_double_booked exclude using gist (advisor_id with =, busy with &&)
    where (status in ('held', 'booked', 'seen', 'no_show')),
  -- Nor can a person be in two appointments at once.
  constraint person_not_double_booked exclude using gist (person_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('held', 'booked'))
);
create index appointments_by_person on appointments.appointments (person_id, starts_at);
create index appointments_by_advisor on appointments.appointments (advisor_id, starts_at);
create index appointments_holds on appointments.appointments (hold_expires_at) where status = 'held';

create table appointments.notes (
  id bigserial primary key,
  appointment_id uuid not null references appointments.appointments (id) on delete cascade,
  author text not null,
  text text not null check (text <> ''),
  created_at timestamptz not null default now()
);
create index notes_by_appointment on appointments.notes (appointment_id, id);

-- Documents the person sends ahead. Kept in the database (bytea): written in the same
-- transaction as their checks, backed up and deleted with the rest, the same on PGlite and a server.
create table appointments.documents (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid not null references appointments.appointments (id) on delete cascade,
  kind text,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  uploaded_at timestamptz not null default now()
);
create index documents_by_appointment on appointments.documents (appointment_id);

-- Reminders due to the person. The notifications module (not built yet) will deliver them:
-- until then the reminder job records them here, delivered_at staying null.
create table appointments.reminders (
  id bigserial primary key,
  appointment_id uuid not null references appointments.appointments (id) on delete cascade,
  person_id uuid not null,
  kind text not null check (kind in ('48h', '2h')),
  starts_at timestamptz not null,
  due_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  delivered_at timestamptz,
  unique (appointment_id, kind, starts_at)
);
