-- Orders: one per real participant of a confirmed session whose stock the warehouse holds (SPEC §5 step 5).

-- What order has heard of a session. SessionConfirmed (laku.session) and StockReserved (laku.fulfilment) arrive
-- in either order; every consumer locks this row, so the second of the two sees the first and makes the orders.
create table order_session (
    session_id              uuid        primary key,
    -- the settlement, from SessionConfirmed (null until then)
    product_id              uuid,
    factory_id              uuid,
    tier                    int,
    final_unit_price        bigint      check (final_unit_price >= 0),
    confirmed_at            timestamptz,
    stock_reserved_at       timestamptz,
    production_completed_at timestamptz,
    -- set in the transaction that creates the orders and writes OrdersCreated: exactly once per session
    orders_created_at       timestamptz,
    updated_at              timestamptz not null default now(),
    check (orders_created_at is null or (confirmed_at is not null and stock_reserved_at is not null))
);

-- The real participants of a confirmed session (the platform bot is never one), as SessionConfirmed settled them.
create table settled_participant (
    participant_id   uuid   primary key,
    session_id       uuid   not null references order_session (session_id),
    position         int    not null,   -- the participant's place in SessionConfirmed's list
    user_id          uuid   not null,
    variant_id       uuid   not null,
    variant_name     text,              -- the session demand's name for the variant, if it had one
    quantity         bigint not null check (quantity > 0),
    paid_unit_price  bigint not null check (paid_unit_price >= final_unit_price),
    final_unit_price bigint not null check (final_unit_price >= 0),
    refund_due       bigint not null check (refund_due >= 0)
);
create index settled_participant_session on settled_participant (session_id, position);

-- Product and variant names as group-buying last configured them (ProductConfigured), for order snapshots.
create table product (
    product_id    uuid        primary key,
    name          text        not null,
    configured_at timestamptz not null
);
create table product_variant (
    variant_id    uuid        primary key,
    product_id    uuid        not null,
    name          text        not null,
    configured_at timestamptz not null
);

-- One order per real participant: participant_id is unique, so no replay can make a second one.
create table customer_order (
    id             uuid        primary key,
    order_number   text        not null unique,   -- LK-<yyyyMMdd in WIB>-<6 Crockford base-32 characters>
    session_id     uuid        not null references order_session (session_id),
    factory_id     uuid        not null,
    user_id        uuid        not null,
    participant_id uuid        not null unique,
    status         text        not null check (status in ('created', 'ready_to_ship')),
    total          bigint      not null check (total >= 0),   -- sum of the items' totals
    refund         bigint      not null check (refund >= 0),  -- sum of the items' refunds
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index customer_order_newest on customer_order (created_at desc, order_number);
create index customer_order_user on customer_order (user_id, created_at desc);
create index customer_order_factory on customer_order (factory_id, created_at desc);
create index customer_order_session on customer_order (session_id);

-- What was bought, frozen when the order was made. A seat is one variant, so an order has one item today.
create table order_item (
    id               uuid   primary key,
    order_id         uuid   not null references customer_order (id),
    line             int    not null,
    product_id       uuid   not null,
    product_name     text   not null,
    variant_id       uuid   not null,
    variant_name     text   not null,
    quantity         bigint not null check (quantity > 0),
    paid_unit_price  bigint not null check (paid_unit_price >= 0),
    final_unit_price bigint not null check (final_unit_price >= 0),
    refund           bigint not null check (refund >= 0),
    total            bigint not null check (total = final_unit_price * quantity),
    unique (order_id, line)
);
