-- Sickness: absence episodes, the audit of who read whose absence, and the local copy of staffing's
-- teams and workers (fed by staffing-service's events; never written by anything else).

create table team (
    id               uuid primary key,
    name             text   not null,
    staffing_version bigint not null
);

create table worker (
    id                 uuid primary key,
    team_id            uuid   not null,
    start_date         date   not null,
    left_on            date,
    staffing_version   bigint not null,
    -- the absence status last published for the worker; absence_version is empty until the first
    absent             boolean not null default false,
    absent_since       date,
    absent_episode_id  uuid,
    absence_version    bigint
);
create index worker_team on worker (team_id);

-- Role, team and FTE from a date until the next period starts: FTE on any day, for working days lost.
create table worker_period (
    worker_id      uuid          not null references worker (id),
    effective_from date          not null,
    role           text          not null,
    team_id        uuid          not null,
    fte            numeric(7, 6) not null
);
create index worker_period_worker on worker_period (worker_id, effective_from);

create table absence_episode (
    id                  uuid primary key,
    worker_id           uuid   not null references worker (id),
    team_id             uuid   not null,
    start_date          date   not null,
    end_date            date,
    reason              text   not null,
    certification       text   not null,
    return_interview_on date,
    return_interview_by text,
    recorded_by         text   not null,
    version             bigint not null,
    check (end_date is null or end_date >= start_date)
);
create index absence_episode_worker on absence_episode (worker_id, start_date);
create index absence_episode_team on absence_episode (team_id, start_date);

-- Every read of an individual's absence record: who read it, in which role, when, whose, and what.
create table audit_entry (
    id          bigserial   primary key,
    read_at     timestamptz not null,
    reader      text        not null,
    reader_role text        not null,
    worker_id   uuid        not null,
    what        text        not null
);
create index audit_entry_worker on audit_entry (worker_id, read_at);
create index audit_entry_read_at on audit_entry (read_at);
