-- A customer's retry of a checkout (a double tap, an answer lost on the way) names the same Idempotency-Key and
-- gets the same orders back instead of a second set. The row is written in the checkout's own transaction, so of
-- two racing requests with one key the second waits for the first and then finds its orders.
create table store_checkout (
    customer_id     uuid        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 100),
    checkout_id     uuid        not null unique,
    basket          text        not null, -- the basket as asked (variant x quantity, sorted): one key, one basket
    created_at      timestamptz not null default now(),
    primary key (customer_id, idempotency_key)
);
create index store_checkout_created on store_checkout (created_at);
