-- Receiving is the warehouse's act (SPEC §7): staff count each delivery against a purchase order. A delivery may be
-- short or over; what the factory still owes stays open on the purchase order and can be received later.

-- open -> partially_received (some units arrived, some are still owed) -> received (every ordered unit arrived);
-- received_at / received_by: the delivery that completed it
alter table purchase_order drop constraint purchase_order_status_check;
alter table purchase_order add constraint purchase_order_status_check
    check (status in ('open', 'partially_received', 'received'));

-- units that arrived so far, over all deliveries (may pass ordered_units: an over delivery)
alter table purchase_order_line add column received_units bigint not null default 0 check (received_units >= 0);
update purchase_order_line l set received_units = l.ordered_units
from purchase_order po where po.id = l.purchase_order_id and po.status = 'received';

-- each delivery as counted
create table purchase_order_receipt (
    id                uuid        primary key,
    seq               bigint      generated always as identity unique,
    purchase_order_id uuid        not null references purchase_order (id),
    session_id        uuid        not null,
    received_by       uuid        not null,
    received_at       timestamptz not null,
    outstanding_units bigint      not null check (outstanding_units >= 0),
    note              text
);
create index purchase_order_receipt_order on purchase_order_receipt (purchase_order_id, seq);

create table purchase_order_receipt_line (
    id                uuid   primary key,
    receipt_id        uuid   not null references purchase_order_receipt (id),
    variant_id        uuid   not null,
    counted_units     bigint not null check (counted_units >= 0),
    -- what the session's missing units took of them, what the order still lacks after them, what came beyond it
    reserved_units    bigint not null check (reserved_units >= 0),
    outstanding_units bigint not null check (outstanding_units >= 0),
    over_units        bigint not null check (over_units >= 0),
    unique (receipt_id, variant_id)
);
