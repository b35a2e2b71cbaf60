-- The seller store's orders (SPEC §8) share customer_order and order_item with group-buying's: one table of orders,
-- told apart by order_source. (Numbered 10 so that group-buying's own next migrations keep their numbers.)
alter table customer_order
    add column order_source        text not null default 'group_buying',
    add column seller_id           uuid,
    add column seller_user_id      uuid,         -- the seller account's user: who may ship and see the order
    add column checkout_id         uuid,         -- the checkout that split into this order (one order per seller)
    add column payment_id          uuid,
    add column payment_url         text,
    add column payment_expires_at  timestamptz,
    add column rejection_reason    text,
    add column rejected_variant_id uuid,
    add column cancelled_by        text,
    add column cancel_reason       text,
    add column courier             text,
    add column tracking_number     text,
    add column paid_at             timestamptz,
    add column shipped_at          timestamptz,
    add column closed_at           timestamptz,  -- rejected or cancelled
    alter column session_id drop not null,
    alter column factory_id drop not null,
    alter column participant_id drop not null;

alter table customer_order drop constraint customer_order_status_check;
alter table customer_order add constraint customer_order_kind_check check (
    (order_source = 'group_buying' and status in ('created', 'ready_to_ship')
        and session_id is not null and factory_id is not null and participant_id is not null and seller_id is null)
    or (order_source = 'seller_store'
        and status in ('pending_stock_check', 'pending_payment', 'paid', 'shipped', 'rejected', 'cancelled')
        and seller_id is not null and seller_user_id is not null and checkout_id is not null and session_id is null
        and (status <> 'shipped' or (courier is not null and tracking_number is not null and shipped_at is not null))
        and (status <> 'rejected' or rejection_reason is not null)
        and (status <> 'cancelled' or cancelled_by is not null)));
create index customer_order_seller on customer_order (seller_user_id, created_at desc) where seller_user_id is not null;
create index customer_order_checkout on customer_order (checkout_id) where checkout_id is not null;

-- What order knows of the seller stores, from laku.seller: who sells (only an active seller's products can be bought),
-- and each listed variant's product, name and price, for the checkout and its snapshot.
create table store_seller (
    seller_id  uuid        primary key,
    user_id    uuid        not null,
    store_name text        not null,
    status     text        not null check (status in ('pending_verification', 'active', 'suspended')),
    updated_at timestamptz not null
);

create table store_product (
    product_id        uuid        primary key,
    seller_id         uuid        not null,
    name              text        not null,
    source_product_id uuid,
    listed_at         timestamptz not null
);

create table store_variant (
    variant_id uuid   primary key,
    product_id uuid   not null references store_product (product_id),
    seller_id  uuid   not null,
    name       text   not null,
    sku        text   not null,
    price      bigint not null check (price > 0),
    position   int    not null
);
