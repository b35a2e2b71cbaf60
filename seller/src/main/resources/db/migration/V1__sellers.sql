-- Seller stores (SPEC §8): accounts, products and variants with their stock, the stock audit trail, and what each
-- store order holds.

-- One seller account per user. Only an active seller's products can be bought.
create table seller (
    id                  uuid        primary key,
    user_id             uuid        not null unique,
    store_name          text        not null,
    phone               text        not null,
    bank_code           text        not null,
    account_number      text        not null,
    account_holder_name text        not null,
    status              text        not null check (status in ('pending_verification', 'active', 'suspended')),
    fee_bps             int         check (fee_bps between 0 and 10000),   -- set by the verification
    verified_at         timestamptz,
    verified_by         uuid,
    suspended_at        timestamptz,
    suspended_by        uuid,
    suspension_reason   text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (status <> 'active' or (fee_bps is not null and verified_at is not null))
);

-- A seller's product: its own, or the resale of a factory product (source_product_id).
create table seller_product (
    id                uuid        primary key,
    seller_id         uuid        not null references seller (id),
    name              text        not null,
    description       text,
    source_product_id uuid,
    created_at        timestamptz not null
);
create index seller_product_seller on seller_product (seller_id, created_at);

-- A variant on sale: the seller's price, its stock and the units held for store orders. available = stock - reserved.
create table seller_variant (
    id         uuid        primary key,
    product_id uuid        not null references seller_product (id),
    seller_id  uuid        not null references seller (id),
    name       text        not null,
    sku        text        not null,
    price      bigint      not null check (price > 0),
    stock      bigint      not null default 0,
    reserved   bigint      not null default 0,
    position   int         not null,
    updated_at timestamptz not null,
    unique (seller_id, sku),
    constraint seller_variant_reserved_not_negative check (reserved >= 0),
    constraint seller_variant_reserved_within_stock check (reserved <= stock)
);
create index seller_variant_product on seller_variant (product_id, position);

-- Every change of a variant's stock or reserved units, append-only (a trigger refuses update and delete).
create table stock_movement (
    id              uuid        primary key,
    seq             bigint      generated always as identity unique,
    seller_id       uuid        not null references seller (id),
    variant_id      uuid        not null references seller_variant (id),
    kind            text        not null check (kind in ('adjustment', 'reservation', 'release', 'deduction')),
    stock_delta     bigint      not null,
    reserved_delta  bigint      not null,
    stock_after     bigint      not null check (stock_after >= 0),
    reserved_after  bigint      not null check (reserved_after >= 0),
    order_id        uuid,                       -- the store order a reservation, release or deduction belongs to
    reason          text,
    actor           text        not null,       -- the seller's user id, or 'order' for the store order's events
    source_event_id uuid,
    at              timestamptz not null,
    check (stock_delta <> 0 or reserved_delta <> 0),
    check (reserved_after <= stock_after),
    check ((kind = 'adjustment') = (order_id is null))
);
create index stock_movement_seller on stock_movement (seller_id, seq desc);
create index stock_movement_order on stock_movement (order_id);

create function stock_movement_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_movement is an append-only audit trail';
end $$;
create trigger stock_movement_append_only before update or delete on stock_movement
    for each statement execute function stock_movement_is_append_only();

-- What the seller did with a store order: held all of it, refused all of it, then released or deducted it. The
-- primary key makes each step once-only even when the same fact arrives again under a new event id.
create table order_reservation (
    order_id            uuid        primary key,
    seller_id           uuid        not null,   -- as the order named it (an unknown seller's order is rejected)
    status              text        not null check (status in ('reserved', 'rejected', 'released', 'deducted')),
    rejection_reason    text,
    rejected_variant_id uuid,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((status = 'rejected') = (rejection_reason is not null))
);

create table order_reservation_line (
    id         uuid   primary key,
    order_id   uuid   not null references order_reservation (order_id),
    variant_id uuid   not null,
    quantity   bigint not null check (quantity > 0),
    line       int    not null,
    unique (order_id, variant_id)
);
