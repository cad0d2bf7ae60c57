-- When staffing published the event applied last to each worker: when a staff number passes from one worker to
-- another and their events arrive out of order (each worker's on its own partition), it tells whose claim is newer,
-- as in sickness-service (the shared staff-replica consumer). Empty for workers applied before it: any claim is newer.
alter table worker add column staffing_occurred_at timestamptz;
