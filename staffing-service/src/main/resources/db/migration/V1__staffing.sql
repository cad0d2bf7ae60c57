-- Staffing: teams, the establishment of posts with their recruitment, and workers with the history
-- of their role, team, FTE and post. FTE to six decimal places, as the census returns it.

create table team (
    id           uuid primary key,
    name         text    not null,
    service_area text    not null,
    manager_id   uuid,
    version      bigint  not null
);
create unique index team_name_unique on team (lower(name));

create table post (
    id             uuid primary key,
    team_id        uuid          not null references team (id),
    role           text          not null,
    fte            numeric(7, 6) not null check (fte > 0 and fte <= 1),
    established_on date          not null,
    removed_on     date,
    version        bigint        not null,
    check (removed_on is null or removed_on >= established_on)
);
create index post_team on post (team_id);

create table recruitment (
    post_id       uuid not null references post (id),
    id            uuid not null,
    advertised_on date not null,
    offer_made_on date,
    starts_on     date,
    withdrawn_on  date,
    primary key (post_id, id)
);

create table worker (
    id                  uuid primary key,
    name                text   not null,
    employment          text   not null,
    start_date          date   not null,
    registration_number text,
    origin              text,
    left_on             date,
    leaving_reason      text,
    leaving_destination text,
    version             bigint not null,
    check (left_on is null or left_on >= start_date)
);
create index worker_left_on on worker (left_on);

create table worker_period (
    worker_id      uuid          not null references worker (id),
    effective_from date          not null,
    role           text          not null,
    team_id        uuid          not null references team (id),
    fte            numeric(7, 6) not null check (fte > 0 and fte <= 1),
    post_id        uuid references post (id),
    primary key (worker_id, effective_from)
);
create index worker_period_team on worker_period (team_id);
create index worker_period_post on worker_period (post_id) where post_id is not null;
