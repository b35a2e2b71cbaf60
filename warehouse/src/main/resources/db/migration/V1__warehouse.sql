-- Warehouse: the catalogue it stocks, inventory per variant with its audit trail, each confirmed session's
-- fulfilment, and purchase orders to factories (SPEC §5 steps 3 and 4).

-- The catalogue, learnt from group-buying's ProductConfigured (and, for a product the warehouse has not heard of,
-- from the SessionConfirmed that demands it: configured_at is then null and the name empty until the product is
-- configured).
create table product (
    id            uuid        primary key,
    factory_id    uuid        not null,
    name          text        not null,
    configured_at timestamptz,
    updated_at    timestamptz not null default now()
);
create index product_factory on product (factory_id);

create table variant (
    id               uuid        primary key,
    product_id       uuid        not null references product (id),
    name             text        not null,
    -- units of this variant in one factory bundle; null when the product has no grosir config
    units_per_bundle int         check (units_per_bundle >= 1),
    position         int         not null,
    updated_at       timestamptz not null default now()
);
create index variant_product on variant (product_id, position);

-- Stock per variant. available = on_hand - reserved is never negative.
create table inventory (
    variant_id uuid        primary key references variant (id),
    product_id uuid        not null references product (id),
    on_hand    bigint      not null default 0,
    reserved   bigint      not null default 0,
    updated_at timestamptz not null default now(),
    constraint inventory_reserved_not_negative check (reserved >= 0),
    constraint inventory_reserved_within_on_hand check (reserved <= on_hand)
);
create index inventory_product on inventory (product_id);

-- What the admin pages read: stock with the names it is known by.
create view stock_level as
select i.variant_id, v.name as variant_name, v.units_per_bundle, v.position,
       i.product_id, p.name as product_name, p.factory_id,
       i.on_hand, i.reserved, i.on_hand - i.reserved as available, i.updated_at
from inventory i
join variant v on v.id = i.variant_id
join product p on p.id = i.product_id;

-- Every change of stock, append-only: who or what moved how many units, and why.
create table stock_movement (
    id                uuid        primary key,
    seq               bigint      generated always as identity unique,
    variant_id        uuid        not null references inventory (variant_id),
    kind              text        not null check (kind in ('adjustment', 'reservation', 'purchase_order_receipt')),
    on_hand_delta     bigint      not null,
    reserved_delta    bigint      not null,
    on_hand_after     bigint      not null check (on_hand_after >= 0),
    reserved_after    bigint      not null check (reserved_after >= 0),
    reason            text,
    session_id        uuid,
    purchase_order_id uuid,
    actor             text        not null,       -- the admin's or factory's user id, or 'saga'
    source_event_id   uuid,                       -- the event that caused it, when one did
    at                timestamptz not null,
    check (on_hand_delta <> 0 or reserved_delta <> 0),
    check (reserved_after <= on_hand_after)
);
create index stock_movement_variant on stock_movement (variant_id, seq desc);

create function stock_movement_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_movement is an append-only audit trail';
end $$;
create trigger stock_movement_append_only before update or delete on stock_movement
    for each statement execute function stock_movement_is_append_only();

-- One purchase order per session at most: the missing demand in whole bundles.
create table purchase_order (
    id           uuid        primary key,
    po_number    text        not null unique,
    session_id   uuid        not null unique,
    factory_id   uuid        not null,
    product_id   uuid        not null,
    product_name text        not null,
    bundles      bigint      not null check (bundles > 0),
    status       text        not null check (status in ('open', 'received')),
    created_at   timestamptz not null,
    received_at  timestamptz,
    received_by  uuid,
    check ((status = 'received') = (received_at is not null and received_by is not null))
);
create index purchase_order_factory on purchase_order (factory_id, created_at desc);

create table purchase_order_line (
    id                uuid   primary key,
    purchase_order_id uuid   not null references purchase_order (id),
    variant_id        uuid   not null,
    variant_name      text   not null,
    units_per_bundle  int    not null check (units_per_bundle >= 1),
    missing_units     bigint not null check (missing_units >= 0),
    ordered_units     bigint not null check (ordered_units >= missing_units),
    position          int    not null,
    unique (purchase_order_id, variant_id)
);

-- The warehouse's answer to a confirmed session. The primary key makes fulfilling a session a once-only step,
-- even when the same SessionConfirmed is published again with a new event id.
create table session_fulfilment (
    session_id         uuid        primary key,
    product_id         uuid        not null,
    factory_id         uuid        not null,
    status             text        not null check (status in ('reserved', 'awaiting_purchase_order')),
    from_stock_on_hand boolean     not null,
    purchase_order_id  uuid        unique references purchase_order (id),
    source_event_id    uuid        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (from_stock_on_hand = (purchase_order_id is null))
);
create index session_fulfilment_factory on session_fulfilment (factory_id);

-- The session's demand per variant, and how much of it the stock on hand covered at confirmation.
create table session_fulfilment_line (
    id                  uuid   primary key,
    session_id          uuid   not null references session_fulfilment (session_id),
    variant_id          uuid   not null,
    variant_name        text   not null,
    units               bigint not null check (units >= 0),
    units_per_bundle    int,
    reserved_from_stock bigint not null check (reserved_from_stock between 0 and units),
    position            int    not null,
    unique (session_id, variant_id)
);
