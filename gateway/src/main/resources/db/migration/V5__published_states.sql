-- The event applied last for each worker and post, whole: the census return needs facts the view's columns do
-- not keep (a worker's history of role, team, FTE and post; registration, qualification, origin, leaving).
alter table worker_view add column last_event text;
alter table post_view add column last_event text;
