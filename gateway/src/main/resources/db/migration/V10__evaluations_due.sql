-- When each subject's rules must be looked at again because a day or an hour passes, with nothing recorded:
-- written by every evaluation of the subject, read by the timer, so it looks only at what the date touches.
create table evaluation_due (
    subject_id   uuid primary key,
    subject_kind varchar(16) not null,
    due_at       timestamptz not null
);
create index evaluation_due_at on evaluation_due (due_at);

-- what the every-minute sweeps used to look at: each is looked at once more, and from then on schedules itself
insert into evaluation_due (subject_id, subject_kind, due_at)
select id, 'TEAM', now() from team_view
on conflict do nothing;
insert into evaluation_due (subject_id, subject_kind, due_at)
select worker_id, 'WORKER', now() from worker_absence_view where absent
on conflict do nothing;
insert into evaluation_due (subject_id, subject_kind, due_at)
select distinct worker_id, 'WORKER', now() from absence_episode_view
where end_date is null or end_date >= current_date - 400
on conflict do nothing;
insert into evaluation_due (subject_id, subject_kind, due_at)
select id, 'EPISODE', now() from absence_episode_view
where end_date is not null and return_interview_on is null and end_date >= current_date - 400
on conflict do nothing;
insert into evaluation_due (subject_id, subject_kind, due_at)
select id, 'CASE', now() from case_view
where status = 'OPEN' and worker_id is null and unallocated_since is not null
on conflict do nothing;
