create table group_buying_session (
    id             uuid        primary key,
    session_code   text        unique,
    product_id     uuid        not null,
    factory_id     uuid        not null,
    target_moq     integer     not null check (target_moq >= 2),
    group_price    bigint      not null check (group_price > 0),
    price_tier_25  bigint      not null check (price_tier_25 > 0),
    price_tier_50  bigint      not null check (price_tier_50 > 0),
    price_tier_75  bigint      not null check (price_tier_75 > 0),
    price_tier_100 bigint      not null check (price_tier_100 > 0),
    bot_allowed    boolean     not null default true,
    end_time       timestamptz not null,
    status         text        not null,
    created_at     timestamptz not null,
    version        bigint      not null default 0,
    check (group_price >= price_tier_25 and price_tier_25 >= price_tier_50
           and price_tier_50 >= price_tier_75 and price_tier_75 >= price_tier_100)
);
create index group_buying_session_due on group_buying_session (end_time) where status = 'forming';
create index group_buying_session_factory on group_buying_session (factory_id, created_at desc);
