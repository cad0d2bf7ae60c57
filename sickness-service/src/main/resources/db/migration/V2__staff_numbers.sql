-- The council's own key for each worker (staffing's staffNumber), by which its files name them: unique where given.
-- staffing_occurred_at is when staffing published the event applied last: when a number passes from one worker to
-- another and their events arrive out of order (each worker's on its own partition), it tells whose claim is newer.
alter table worker add column staff_number text;
alter table worker add column staffing_occurred_at timestamptz;
create unique index worker_staff_number on worker (staff_number) where staff_number is not null;
