-- Notifications: one delivery per alert change and receiver, grouped into batches per receiver and team,
-- retried until the receiver accepts; and silences that mute a rule for a team or subject for a time.

alter table alert add column last_notified_at timestamptz;

create table silence (
    id         uuid primary key,
    rule       text,
    team_id    uuid,
    subject_id uuid,
    until      timestamptz not null,
    reason     text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    ended_at   timestamptz
);
create index silence_active on silence (until) where ended_at is null;

create table delivery (
    id              uuid primary key,
    target          text        not null,
    team_id         uuid,
    alert_id        uuid        not null references alert (id),
    kind            text        not null,
    message         text        not null,
    created_at      timestamptz not null,
    batch_id        uuid,
    status          text        not null,
    attempts        integer     not null,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    last_error      text
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_batch on delivery (batch_id);
