-- The persons on a journey, so their reminders are sent even when they do not open the app.
create table journeys.enrolments (
  person_id uuid primary key,
  enrolled_at timestamptz not null default now()
);
