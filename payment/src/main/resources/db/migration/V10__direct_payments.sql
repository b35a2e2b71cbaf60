-- Seller-store orders' direct payments (SPEC §8): no escrow. Paid money waits in the order's ledger account until the
-- order ships (to the seller's payable) or is cancelled (back to the customer's wallet). (Numbered 10 so that the
-- escrow's own next migrations keep their numbers.)
create table direct_payment (
    id                 uuid        primary key,              -- also the gateway's external_id
    order_id           uuid        not null unique,
    customer_id        uuid        not null,
    seller_id          uuid        not null,
    amount             bigint      not null check (amount > 0),
    -- pending_invoice | awaiting_payment | paid | expired | cancelled | late_paid | refunded | settled
    status             text        not null check (status in ('pending_invoice', 'awaiting_payment', 'paid', 'expired',
                                                              'cancelled', 'late_paid', 'refunded', 'settled')),
    invoice_id         text        unique,
    invoice_url        text,
    expires_at         timestamptz,
    paid_at            timestamptz,
    refunded           bigint      not null default 0 check (refunded >= 0),
    settled            bigint      not null default 0 check (settled >= 0),
    expire_requested   boolean     not null default false,  -- the order ended unpaid: expire the invoice at the gateway
    gateway_attempts   int         not null default 0,
    last_gateway_error text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (refunded + settled <= amount),
    unique (id, order_id, seller_id)
);
create index direct_payment_gateway_work on direct_payment (created_at) where status = 'pending_invoice' or expire_requested;

-- A direct payment's callbacks are recorded in webhook_event like the escrow's (payment_id is either kind's id).
alter table webhook_event drop constraint webhook_event_payment_id_fkey;

-- The ledger books a store order's money against the order instead of a session. Its own checks keep that money with
-- the right parties: it comes in from the gateway to that order's account, and leaves it only to the wallets or to
-- the payable of the seller the order was placed with (the foreign key ties the entry's seller to the payment's).
alter table ledger_entry
    alter column session_id drop not null,
    add column order_id uuid,
    add column party_id uuid;
alter table ledger_entry
    add constraint ledger_entry_one_subject check ((session_id is null) <> (order_id is null)),
    add constraint ledger_entry_direct_party foreign key (payment_id, order_id, party_id)
        references direct_payment (id, order_id, seller_id),
    add constraint ledger_entry_direct_accounts check (order_id is null or (payment_id is not null and party_id is not null
        and case kind
            when 'direct_in' then debit_account = 'gateway_clearing' and credit_account = 'order:' || order_id
            when 'direct_refund' then debit_account = 'order:' || order_id and credit_account = 'wallet_liability'
            when 'direct_settle' then debit_account = 'order:' || order_id
                                  and credit_account = 'seller_payable:' || party_id
            else false end));
create index ledger_entry_order on ledger_entry (order_id, created_at) where order_id is not null;
