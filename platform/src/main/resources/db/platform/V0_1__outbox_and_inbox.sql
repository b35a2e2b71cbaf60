-- The transactional outbox and the inbox, the same in every service's database.
-- (Versions 0.x belong to the shared platform; a service's own migrations start at V1.)

-- A row here is an event: written in the same transaction as the state change it announces,
-- read from the WAL by Debezium's outbox router and published to topic laku.<aggregate_type>.
create table outbox_event (
    id             uuid        primary key,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    payload        bytea       not null,
    trace_id       text        not null,
    created_at     timestamptz not null default now()
);
create index outbox_event_created_at on outbox_event (created_at);

-- Events this service has already applied, per consumer: a redelivery or a replay finds its
-- (consumer, event_id) here and changes nothing. Written in the transaction of the effect.
create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
