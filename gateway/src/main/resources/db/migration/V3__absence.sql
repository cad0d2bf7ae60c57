-- Absence, as sickness-service publishes it: whether each worker is absent now, and each episode's dates,
-- certification and return-to-work interview day. Not the reason for an absence: that is health data, it
-- stays where it is needed, and no rule here needs it. Every row keeps the version of the event applied last.

create table worker_absence_view (
    worker_id  uuid primary key,
    team_id    uuid,
    absent     boolean not null,
    since      date,
    episode_id uuid,
    version    bigint  not null
);
create index worker_absence_view_absent on worker_absence_view (worker_id) where absent;
create index worker_absence_view_team on worker_absence_view (team_id);

create table absence_episode_view (
    id                  uuid primary key,
    worker_id           uuid   not null,
    team_id             uuid,
    start_date          date   not null,
    end_date            date,
    certification       text   not null,
    return_interview_on date,
    version             bigint not null
);
create index absence_episode_view_worker on absence_episode_view (worker_id);
-- ended episodes with no interview recorded: the ones the timer looks at again
create index absence_episode_view_no_interview on absence_episode_view (end_date)
    where end_date is not null and return_interview_on is null;
