-- Holdings by the dates the changes took effect, as caseload-service now publishes them: held from heldFrom until
-- endedOn, the day the change that ended it took effect (not held that day). Rows from before are dated by London's
-- day of their instants; the next snapshot of each case replaces them.
alter table case_allocation add column held_from date;
alter table case_allocation add column ended_on date;
update case_allocation set held_from = (allocated_at at time zone 'Europe/London')::date,
                           ended_on = (ended_at at time zone 'Europe/London')::date;
alter table case_allocation alter column held_from set not null;
drop index case_allocation_worker;
alter table case_allocation drop column allocated_at;
alter table case_allocation drop column ended_at;
create index case_allocation_worker on case_allocation (worker_id, held_from);
