-- Products that sessions sell, their variants and the grosir config per variant (SPEC §3).
create table product (
    id         uuid        primary key,
    factory_id uuid        not null,
    name       text        not null,
    created_at timestamptz not null
);
create index product_factory on product (factory_id);

create table product_variant (
    id                      uuid    primary key,
    product_id              uuid    not null references product (id),
    name                    text    not null,
    position                integer not null,
    units_per_bundle        integer check (units_per_bundle >= 1),
    tolerance               integer check (tolerance >= 0),
    clearance_rate_estimate numeric,
    notes                   text,
    unique (product_id, name)
);

-- A seat in a session. Status: awaiting_payment -> paid | expired | left | dropped (unpaid at expiry).
create table participant (
    id           uuid        primary key,
    session_id   uuid        not null references group_buying_session (id),
    user_id      uuid        not null,
    variant_id   uuid        not null references product_variant (id),
    quantity     bigint      not null check (quantity >= 1),
    unit_price   bigint      not null check (unit_price > 0),
    amount_due   bigint      not null check (amount_due > 0),
    status       text        not null,
    payment_id   uuid,
    payment_url  text,
    joined_at    timestamptz not null,
    updated_at   timestamptz not null
);
create index participant_session on participant (session_id, status);
create index participant_user on participant (user_id);

-- orders[v] of SPEC §3 for one session: units held by live real seats, split by payment state.
create table session_variant_tally (
    session_id     uuid   not null references group_buying_session (id),
    variant_id     uuid   not null,
    awaiting_units bigint not null default 0 check (awaiting_units >= 0),
    paid_units     bigint not null default 0 check (paid_units >= 0),
    primary key (session_id, variant_id)
);

-- The outcome decided at expiry and the saga steps after it.
alter table group_buying_session
    add column tier             integer,
    add column final_unit_price bigint,
    add column bot_units        bigint,
    add column closed_at        timestamptz,
    add column close_reason     text;

create table session_timeline (
    session_id uuid        not null references group_buying_session (id),
    step       text        not null,
    event_id   uuid,
    at         timestamptz not null default now()
);
create index session_timeline_session on session_timeline (session_id, at);
