-- The gateway's live view of what the services publish, and the alerts it raises. Every view row keeps
-- the version of the event applied last, so repeats and replays change nothing.

create table team_view (
    id           uuid primary key,
    name         text   not null,
    service_area text,
    manager_id   uuid,
    version      bigint not null
);

create table worker_view (
    id         uuid primary key,
    team_id    uuid          not null,
    name       text          not null,
    role       text          not null,
    fte        numeric(7, 6) not null,
    employment text          not null,
    post_id    uuid,
    start_date date          not null,
    left_on    date,
    version    bigint        not null
);
create index worker_view_team on worker_view (team_id);

create table post_view (
    id             uuid primary key,
    team_id        uuid          not null,
    role           text          not null,
    fte            numeric(7, 6) not null,
    established_on date          not null,
    removed_on     date,
    version        bigint        not null
);
create index post_view_team on post_view (team_id);

create table case_view (
    id                uuid primary key,
    team_id           uuid   not null,
    reference         text   not null,
    category          text   not null,
    status            text   not null,
    worker_id         uuid,
    unallocated_since timestamptz,
    version           bigint not null
);
create index case_view_team on case_view (team_id, status);
create index case_view_waiting on case_view (unallocated_since) where status = 'OPEN' and worker_id is null;

create table caseload_view (
    worker_id          uuid primary key,
    team_id            uuid           not null,
    open_cases         integer        not null,
    cp_cases           integer        not null,
    by_category        text           not null,
    weighted_load      numeric(10, 2) not null,
    case_limit         integer        not null,
    cp_limit           integer        not null,
    weighted_limit     numeric(10, 2) not null,
    weights_configured boolean        not null,
    version            bigint         not null
);
create index caseload_view_team on caseload_view (team_id);

create table alert (
    id                   uuid primary key,
    rule                 text        not null,
    subject_type         text        not null,
    subject_id           uuid        not null,
    team_id              uuid,
    severity             text        not null,
    status               text        not null,
    summary              text        not null,
    figures              text        not null,
    fired_at             timestamptz not null,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    acknowledgement_note text,
    resolved_at          timestamptz,
    version              bigint      not null
);
-- one open alert per rule and subject, however many events arrive
create unique index alert_one_open on alert (rule, subject_id) where status <> 'RESOLVED';
create index alert_team_status on alert (team_id, status);
create index alert_fired on alert (fired_at);
