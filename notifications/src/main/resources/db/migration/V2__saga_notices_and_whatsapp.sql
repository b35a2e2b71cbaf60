-- Every notice names the fact it is about (e.g. payment:<id>, session:<id>), so the same fact
-- re-announced under a new event id gives nobody a second notice of the same kind.
alter table notification add column fact_key text;
update notification set fact_key = 'event:' || source_event_id;
alter table notification alter column fact_key set not null;
create unique index notification_fact on notification (user_id, kind, fact_key);

-- Who belongs to a session, to address the events that name only the session.
-- role: factory | joined (took a seat) | participant (a real participant of the confirmed session)
create table session_member (
    session_id uuid        not null,
    user_id    uuid        not null,
    role       text        not null check (role in ('factory', 'joined', 'participant')),
    added_at   timestamptz not null default now(),
    primary key (session_id, role, user_id)
);

-- A person's WhatsApp number (E.164, e.g. +6281234567890).
create table whatsapp_contact (
    user_id    uuid        primary key,
    phone      text        not null check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    updated_at timestamptz not null
);

-- Outgoing WhatsApp messages, stored in the consumer's transaction and sent by WhatsAppSender
-- outside any transaction. Nothing is dropped: a message ends sent or failed (with last_error).
create table whatsapp_message (
    id                  uuid        primary key,
    user_id             uuid        not null,
    to_phone            text,
    kind                text        not null,
    body                text        not null,
    source_event_id     uuid        not null,
    fact_key            text        not null,
    -- pending | waiting_for_contact (no number yet) | sent | failed
    status              text        not null check (status in ('pending', 'waiting_for_contact', 'sent', 'failed')),
    attempts            int         not null default 0,
    last_error          text,
    next_attempt_at     timestamptz not null,
    provider_message_id text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    unique (source_event_id, user_id, kind),
    unique (user_id, kind, fact_key),
    check (status = 'waiting_for_contact' or to_phone is not null)
);
create index whatsapp_message_due on whatsapp_message (next_attempt_at) where status = 'pending';
create index whatsapp_message_waiting on whatsapp_message (user_id) where status = 'waiting_for_contact';
create index whatsapp_message_listing on whatsapp_message (status, created_at desc);
