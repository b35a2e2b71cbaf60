-- Settlement (SPEC §8): who is owed money (sellers for shipped store orders less the platform fee, factories for
-- released escrow), the double-entry ledger of it, and the payouts to their bank accounts.

-- A seller (id = seller account id; user_id = its user) or a factory (id = user_id = the factory).
create table payee (
    id                  uuid        primary key,
    kind                text        not null check (kind in ('seller', 'factory')),
    user_id             uuid        not null,
    name                text,
    fee_bps             int         check (fee_bps between 0 and 10000),  -- a seller's, from its verification
    bank_code           text,
    account_number      text,
    account_holder_name text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (id, kind),
    check ((bank_code is null) = (account_number is null) and (bank_code is null) = (account_holder_name is null))
);

-- A shipped store order credited to its seller: total = fee + net, fee = floor(total * fee_bps / 10000).
create table seller_sale (
    order_id   uuid        primary key,
    seller_id  uuid        not null references payee (id),
    total      bigint      not null check (total > 0),
    fee_bps    int         not null check (fee_bps between 0 and 10000),
    fee        bigint      not null check (fee >= 0),
    net        bigint      not null check (net >= 0),
    shipped_at timestamptz not null,
    check (fee + net = total),
    unique (order_id, seller_id)
);

-- A group-buying session's escrow released to its factory.
create table factory_release (
    session_id  uuid        primary key,
    factory_id  uuid        not null references payee (id),
    amount      bigint      not null check (amount >= 0),
    released_at timestamptz not null,
    unique (session_id, factory_id)
);

-- A payout of a payee's balance to its bank account. Its id is the disbursement's external_id and idempotency key,
-- so a retried request never pays twice; at most one payout per payee is in flight.
create table payout (
    id                  uuid        primary key,
    payee_id            uuid        not null references payee (id),
    amount              bigint      not null check (amount > 0),
    -- pending (to send) | requested (the gateway has it) | completed (paid) | failed (nothing paid)
    status              text        not null check (status in ('pending', 'requested', 'completed', 'failed')),
    bank_code           text        not null,
    account_number      text        not null,
    account_holder_name text        not null,
    disbursement_id     text        unique,
    failure_code        text,
    attempts            int         not null default 0,
    last_error          text,
    next_attempt_at     timestamptz not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    completed_at        timestamptz,
    unique (id, payee_id),
    check ((status = 'completed') = (completed_at is not null)),
    check (status <> 'failed' or failure_code is not null)
);
create unique index payout_one_in_flight on payout (payee_id) where status in ('pending', 'requested');
create index payout_due on payout (next_attempt_at) where status = 'pending';
create index payout_payee on payout (payee_id, created_at desc);

-- The double-entry ledger: each movement debits one account and credits another, once per reference. Its checks keep
-- money with the right party, not only the sums straight: a sale credits the payable of the order's own seller, a
-- release that of the session's factory, a payout debits the payable of the payout's payee and nobody else's.
create table ledger_entry (
    id                 uuid        primary key,
    reference          text        not null unique,
    debit_account      text        not null,
    credit_account     text        not null,
    amount             bigint      not null check (amount > 0),
    kind               text        not null,
    payee_id           uuid        not null,
    payee_kind         text        not null,
    sale_order_id      uuid,
    release_session_id uuid,
    payout_id          uuid,
    created_at         timestamptz not null,
    check (debit_account <> credit_account),
    foreign key (payee_id, payee_kind) references payee (id, kind),
    foreign key (sale_order_id, payee_id) references seller_sale (order_id, seller_id),
    foreign key (release_session_id, payee_id) references factory_release (session_id, factory_id),
    foreign key (payout_id, payee_id) references payout (id, payee_id),
    check (case kind
        when 'seller_sale' then payee_kind = 'seller' and sale_order_id is not null
            and debit_account = 'customer_payments' and credit_account = 'seller_payable:' || payee_id
        when 'platform_fee' then payee_kind = 'seller' and sale_order_id is not null
            and debit_account = 'customer_payments' and credit_account = 'platform_fees'
        when 'factory_release' then payee_kind = 'factory' and release_session_id is not null
            and debit_account = 'customer_payments' and credit_account = 'factory_payable:' || payee_id
        when 'payout' then payout_id is not null
            and debit_account = payee_kind || '_payable:' || payee_id and credit_account = 'paid_out'
        else false end)
);
create index ledger_entry_payee on ledger_entry (payee_id, created_at);

-- Every disbursement callback, processed once: (disbursement id, status) is the callback's identity.
create table disbursement_callback (
    id              uuid        primary key,
    callback_key    text        not null unique,
    disbursement_id text        not null,
    payout_id       uuid        not null references payout (id),
    status          text        not null,
    amount          bigint,
    failure_code    text,
    -- completed | failed | ignored | amount_mismatch
    outcome         text        not null,
    flagged         boolean     not null default false,
    body            text        not null,
    received_at     timestamptz not null default now()
);
