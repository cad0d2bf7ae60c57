-- The transactional outbox: rows written in the same transaction as the change they describe,
-- sent to Kafka by the relay in id order and then marked sent.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        text         not null,
    aggregate_id text         not null,
    type         text         not null,
    payload      text         not null,
    occurred_at  timestamptz  not null,
    sent_at      timestamptz,
    -- a row Kafka can never take (too large, say) is parked here so the rows behind it keep flowing
    parked_at    timestamptz,
    park_reason  text
);

create index outbox_event_pending on outbox_event (id) where sent_at is null and parked_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit only).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end;
$$;

create trigger outbox_event_inserted
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
