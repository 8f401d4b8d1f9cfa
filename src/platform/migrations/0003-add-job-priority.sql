-- Job priority: the workers claim urgent jobs first (a declaration's delivery to the bodies), then
-- normal ones, then background work (enrolling a whole seeded population on the reminder runs), so
-- that background work never delays what a person is waiting for. Three levels only: the claim
-- reads each level with its own bounded index range (see jobs/queue.ts).
alter table platform.jobs add column priority smallint not null default 0 check (priority in (-1, 0, 1));

drop index platform.jobs_claimable;
create index jobs_claimable on platform.jobs (priority, run_at, id) where status = 'queued';
