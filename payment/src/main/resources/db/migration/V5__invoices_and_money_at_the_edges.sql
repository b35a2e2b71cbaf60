-- The invoice worker's work, row by row: claimed with `for update skip locked` and leased (next_attempt_at moves past
-- the call), one gateway call per attempt, and after a failure the next attempt after a backoff. The same columns
-- serve both kinds of gateway work: opening a pending invoice, and expiring the invoice of a seat that ended.
alter table payment add column next_attempt_at timestamptz not null default now();

-- When the seat ended (left, or dropped unpaid by the outcome) while its payment was open. Never cleared: money that
-- reaches such a seat is a late payment (refunded in full), even after its invoice was expired at the gateway
-- (expire_requested is only the worker's to-do and is cleared once the gateway answered).
alter table payment add column seat_ended_at timestamptz;
update payment set seat_ended_at = updated_at where expire_requested;

-- status also: invoice_failed (the gateway refused the invoice, or did not answer within the attempts: terminal; the
-- seat is released with PaymentExpired reason INVOICE_FAILED)
drop index payment_gateway_work;
create index payment_gateway_due on payment (session_id, next_attempt_at)
    where status = 'pending_invoice' or (expire_requested and invoice_id is not null);

-- A paid amount different from the invoice's: the money is refunded in full to the wallet (AMOUNT_MISMATCH); the
-- admin lists these callbacks.
create index webhook_event_flagged on webhook_event (received_at) where flagged;
