-- A worker's staff number, the council's own key from its HR system, as staffing publishes it: a council's case
-- files name the workers who held each case by it. Not unique here: staffing's events for two workers whose numbers
-- were swapped may arrive in either order.
alter table worker add column staff_number text;
create index worker_staff_number on worker (staff_number) where staff_number is not null;
