-- The day a journey no declaration starts (disability: read from the person's file) was first
-- found for the person, so that its dates stay put.
create table journeys.journey_starts (
  person_id uuid not null,
  journey text not null,
  started_on date not null,
  primary key (person_id, journey)
);
