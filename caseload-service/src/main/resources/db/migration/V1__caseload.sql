-- Caseload: cases and their allocation history, and the local copy of staffing's teams and workers
-- (fed by staffing-service's events; never written by anything else).

create table team (
    id               uuid primary key,
    name             text   not null,
    staffing_version bigint not null
);

create table worker (
    id               uuid primary key,
    team_id          uuid          not null,
    role             text          not null,
    fte              numeric(7, 6) not null,
    employment       text          not null,
    start_date       date          not null,
    left_on          date,
    staffing_version bigint        not null,
    -- version of the worker's caseload snapshot, one more per snapshot published
    caseload_version bigint        not null
);
create index worker_team on worker (team_id);

create table case_file (
    id                uuid primary key,
    reference         text    not null,
    category          text    not null,
    team_id           uuid    not null,
    status            text    not null,
    worker_id         uuid,
    opened_on         date    not null,
    unallocated_since timestamptz,
    closed_on         date,
    close_reason      text,
    workers_so_far    integer not null,
    version           bigint  not null
);
create unique index case_file_reference on case_file (reference);
create index case_file_worker_open on case_file (worker_id, category) where status = 'OPEN';
create index case_file_team on case_file (team_id, status);

-- Every change of who holds a case: the allocation history. An override names the limits it broke.
create table allocation (
    id              bigserial primary key,
    case_id         uuid        not null references case_file (id),
    worker_id       uuid,
    change          text        not null,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    override_reason text,
    overridden      text
);
create index allocation_case on allocation (case_id, id);
