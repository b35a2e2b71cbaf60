-- Wallets: one per user, created on the first credit; never negative.
create table wallet (
    user_id    uuid        primary key,
    balance    bigint      not null default 0 check (balance >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- Every movement, once per (wallet, reference): a reference seen before returns the first result.
create table wallet_transaction (
    id            uuid        primary key,
    user_id       uuid        not null references wallet (user_id),
    kind          text        not null check (kind in ('credit', 'debit')),
    amount        bigint      not null check (amount > 0),
    balance_after bigint      not null check (balance_after >= 0),
    reference     text        not null,
    reason        text        not null,
    session_id    uuid,
    created_at    timestamptz not null default now(),
    unique (user_id, reference)
);
create index wallet_transaction_history on wallet_transaction (user_id, created_at desc, id);
