-- Who has held each case and when, kept on the case so that every snapshot carries it without another query: the
-- gateway's census return counts the cases each worker held at the end of a past date. Filled here from the
-- allocation history; a closed case's last holding ends with the day it was closed.
alter table case_file add column holdings text not null default '[]';

with changes as (
    select a.case_id, a.worker_id, a.change, a.recorded_at,
           lead(a.recorded_at) over (partition by a.case_id order by a.id) as next_at
    from allocation a
), held as (
    select c.case_id, c.worker_id, c.recorded_at,
           coalesce(c.next_at, case when f.status = 'CLOSED'
                                    then (f.closed_on + 1)::timestamp at time zone 'Europe/London' end) as ended_at
    from changes c join case_file f on f.id = c.case_id
    where c.change in ('ALLOCATED', 'REALLOCATED')
)
update case_file f
set holdings = (select json_agg(json_build_object(
                        'workerId', h.worker_id,
                        'allocatedAt', to_char(h.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        'endedAt', case when h.ended_at is null then null
                                        else to_char(h.ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end)
                        order by h.recorded_at)::text
                from held h where h.case_id = f.id)
where exists (select 1 from held h where h.case_id = f.id);

-- workers_so_far counts the workers who have held a case: one who held it twice counts once
update case_file set workers_so_far = (select count(distinct h ->> 'workerId') from json_array_elements(holdings::json) h);
