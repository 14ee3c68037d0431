-- A running import says it is alive with each progress report; one whose node died stops saying so
-- and is then reported as failed (its transaction died with the node, so nothing of it is there).
alter table import_job add column heartbeat_at timestamp with time zone;
update import_job set heartbeat_at = coalesce(finished_at, started_at);
