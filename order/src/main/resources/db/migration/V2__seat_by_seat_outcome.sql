-- A session's outcome arrives as one SeatSettled per seat live at the end (after SessionConfirmed, which says how
-- many). Order keeps every seat it has seen; orders are made for the confirmed ones in bounded batches by the order
-- placer, and OrdersCreated is published once every seat is known and every confirmed seat has its order.
alter table order_session add column seats_expected integer check (seats_expected >= 0);
alter table order_session add column seats_seen integer not null default 0 check (seats_seen >= 0);
alter table settled_participant add column outcome text not null default 'confirmed'
    check (outcome in ('confirmed', 'refunded', 'dropped'));
create index order_session_placing on order_session (session_id)
    where confirmed_at is not null and stock_reserved_at is not null and orders_created_at is null;
