-- Who held each case when, from the case snapshots' allocation history: the census return counts the cases each
-- worker held at the end of its reference date, which may be past.
create table case_allocation (
    id           uuid        primary key,
    case_id      uuid        not null,
    worker_id    uuid        not null,
    allocated_at timestamptz not null,
    ended_at     timestamptz
);
create index case_allocation_case on case_allocation (case_id);
create index case_allocation_worker on case_allocation (worker_id, allocated_at);
