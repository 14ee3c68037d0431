-- Each recommendation's latest progress update, kept on its row as the update is recorded, so
-- that the register lists and filters a hundred thousand recommendations without finding the
-- latest of a million updates for each (the subquery this replaces took three seconds there).
-- latest_update_at is when it was written, null for an update imported from a legacy register:
-- the day it was imported is not the day it was written.
alter table recommendation add column latest_update_id bigint;
alter table recommendation add column latest_rag varchar(5);
alter table recommendation add column latest_update_at timestamp with time zone;

update recommendation set latest_update_id = (select max(p.id) from progress_update p where p.recommendation_id = recommendation.id);
update recommendation set
    latest_rag = (select p.rag from progress_update p where p.id = recommendation.latest_update_id),
    latest_update_at = (select case when p.imported then null else p.submitted_at end from progress_update p
                        where p.id = recommendation.latest_update_id)
where latest_update_id is not null;
