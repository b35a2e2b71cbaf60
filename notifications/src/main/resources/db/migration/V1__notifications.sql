-- In-app notifications: one row per person per thing they care about.
create table notification (
    id              uuid        primary key,
    user_id         uuid        not null,
    kind            text        not null,
    title           text        not null,
    message         text        not null,
    session_id      uuid,
    source_event_id uuid        not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    -- one event gives a person one notice of a kind, even if the inbox were bypassed
    unique (source_event_id, user_id, kind)
);
create index notification_user on notification (user_id, created_at desc);
create index notification_unread on notification (user_id) where read_at is null;
