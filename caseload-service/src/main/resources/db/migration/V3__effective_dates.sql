-- Dated truth: every change of who holds a case carries the date it took effect beside when and by whom it was
-- recorded; the history itself is the holdings, each row in force from its effective date until the next change
-- (or the closure) took effect. A correction is a new row that names the row it replaces, which stays for audit.
alter table allocation add column effective_on date;
update allocation set effective_on = (recorded_at at time zone 'Europe/London')::date;
alter table allocation alter column effective_on set not null;
-- the day the next change in force (or the closure) took effect: the row is no longer in force from that day
alter table allocation add column ended_on date;
-- a correction names the row it corrects and why; the corrected row names the row that replaced it
alter table allocation add column corrects bigint references allocation (id);
alter table allocation add column correction_reason text;
alter table allocation add column superseded_by bigint references allocation (id);

with ordered as (
    select a.id, lead(a.effective_on) over (partition by a.case_id order by a.effective_on, a.id) as next_on
    from allocation a
)
update allocation a
set ended_on = coalesce(o.next_on, case when f.status = 'CLOSED' then f.closed_on end)
from ordered o, case_file f
where o.id = a.id and f.id = a.case_id;

drop index allocation_case;
create index allocation_case on allocation (case_id, effective_on, id) where superseded_by is null;
-- a worker's holdings on a date, for caseloads as of a date and the census
create index allocation_worker on allocation (worker_id, effective_on) where superseded_by is null;

-- the holdings now live in the history; the snapshot reads them from there
alter table case_file drop column holdings;
-- the effective date of the case's latest change in force (its opening until the first): no later change may be
-- dated before it
alter table case_file add column changed_on date;
update case_file f set changed_on = coalesce((select max(a.effective_on) from allocation a where a.case_id = f.id),
                                             f.opened_on);
alter table case_file alter column changed_on set not null;

-- The category's history: CIN to CP when a plan starts, from the date it took effect, so a caseload as of a date
-- counts each case under the category it had then. Categories before this history were not recorded: each case
-- starts with the one it has now.
create table case_category (
    id             bigserial primary key,
    case_id        uuid        not null references case_file (id),
    category       text        not null,
    effective_from date        not null,
    recorded_at    timestamptz not null,
    recorded_by    text        not null
);
create index case_category_case on case_category (case_id, effective_from, id);
insert into case_category (case_id, category, effective_from, recorded_at, recorded_by)
select id, category, opened_on, now(), 'migration' from case_file;

-- A worker's role, team and FTE from a date, as staffing published them: limits and team membership as of a date.
create table worker_period (
    worker_id      uuid          not null references worker (id),
    effective_from date          not null,
    role           text          not null,
    team_id        uuid          not null,
    fte            numeric(7, 6) not null,
    primary key (worker_id, effective_from)
);
create index worker_period_team on worker_period (team_id);
insert into worker_period (worker_id, effective_from, role, team_id, fte)
select id, start_date, role, team_id, fte from worker;
