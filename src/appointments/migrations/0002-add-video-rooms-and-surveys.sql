-- Video appointments get a room name nobody can guess (122 random bits), used by the WebRTC
-- signalling and by an external Jitsi-compatible provider alike.
alter table appointments.appointments add column video_room uuid not null default gen_random_uuid();

-- The satisfaction survey after an appointment: one answer per appointment (its primary key).
create table appointments.surveys (
  appointment_id uuid primary key references appointments.appointments (id) on delete cascade,
  -- 1 (pas du tout satisfait) … 5 (très satisfait)
  satisfaction smallint not null check (satisfaction between 1 and 5),
  problem_solved text not null check (problem_solved in ('yes', 'partly', 'no')),
  comment text not null default '' check (length(comment) <= 2000),
  answered_at timestamptz not null default now()
);
