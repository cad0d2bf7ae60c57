-- A council's files know an episode by its worker and its first day (no two episodes of a worker overlap, so no
-- two share a first day): the key an import finds it by.
drop index absence_episode_worker;
create unique index absence_episode_worker on absence_episode (worker_id, start_date);

-- An export reads every worker's absence at once: one audit entry for it, naming no worker.
alter table audit_entry alter column worker_id drop not null;
