-- The gateway's audit log of the decisions that matter: limit overrides, alert acknowledgements, silences
-- set and ended, and reads of an individual's absence record. Never the content of a health record: whose, not why.
create table audit_entry (
    id           uuid        primary key,
    at           timestamptz not null,
    actor        text        not null,
    actor_role   text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    team_id      uuid,
    detail       text
);
create index audit_entry_at on audit_entry (at desc, id);
create index audit_entry_subject on audit_entry (subject_id, at desc);
