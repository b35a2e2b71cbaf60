-- Payments: one escrow payment per participant, the gateway callbacks, and the double-entry ledger.

-- What payment knows about a session: its factory, and whether it still takes payments.
create table session_account (
    session_id uuid        primary key,
    factory_id uuid        not null,
    -- open | confirmed | failed | cancelled | released
    state      text        not null default 'open',
    updated_at timestamptz not null default now()
);

-- One escrow payment per participant (a redelivered join creates nothing).
create table payment (
    id                 uuid        primary key,              -- also the gateway's external_id (idempotency key)
    session_id         uuid        not null,
    participant_id     uuid        not null unique,
    user_id            uuid        not null,
    amount             bigint      not null check (amount > 0),
    -- pending_invoice | awaiting_payment | paid | expired | cancelled | late_paid
    status             text        not null,
    invoice_id         text        unique,
    invoice_url        text,
    expires_at         timestamptz,
    paid_at            timestamptz,
    refunded           bigint      not null default 0 check (refunded >= 0),
    expire_requested   boolean     not null default false,  -- the seat ended: expire the invoice at the gateway
    gateway_attempts   int         not null default 0,
    last_gateway_error text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (refunded <= amount)
);
create index payment_session on payment (session_id);
create index payment_gateway_work on payment (created_at) where status = 'pending_invoice' or expire_requested;

-- Every gateway callback, processed once: (invoice, status) is the callback's identity.
create table webhook_event (
    id           uuid        primary key,
    callback_key text        not null unique,
    invoice_id   text        not null,
    payment_id   uuid        not null references payment (id),
    status       text        not null,
    amount       bigint,
    paid_amount  bigint,
    -- paid | expired | late_payment_refunded | ignored | amount_mismatch
    outcome      text        not null,
    flagged      boolean     not null default false,
    body         text        not null,
    received_at  timestamptz not null default now()
);

-- The double-entry ledger: each movement debits one account and credits another, once per reference.
create table ledger_account (
    code       text        primary key,  -- gateway_clearing | escrow:<session> | wallet_liability | factory_payable:<factory>
    kind       text        not null,
    created_at timestamptz not null default now()
);
create table ledger_entry (
    id             uuid        primary key,
    reference      text        not null unique,  -- escrow-in:<payment> | refund:<payment>:<reason> | release:<session>
    debit_account  text        not null references ledger_account (code),
    credit_account text        not null references ledger_account (code),
    amount         bigint      not null check (amount > 0),
    kind           text        not null,         -- escrow_in | refund | release
    session_id     uuid        not null,
    payment_id     uuid,
    created_at     timestamptz not null default now(),
    check (debit_account <> credit_account)
);
create index ledger_entry_session on ledger_entry (session_id, created_at);
