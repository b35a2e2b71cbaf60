-- A session's outcome now arrives as one SeatSettled event per seat that was live at the end (after the session's
-- SessionConfirmed / SessionFailed / SessionCancelled, which says how many follow). Payment records each seat's part
-- of the outcome, so it knows when the outcome is complete and that the escrow it releases is exactly the outcome's.
alter table session_account add column seats_expected integer check (seats_expected >= 0);
alter table session_account add column seats_settled integer not null default 0 check (seats_settled >= 0);

-- confirmed (final amount stays for the factory) | refunded (failed or cancelled: all back) | dropped (unpaid at the
-- end: not part of the outcome; money it brings is a late payment, refunded in full)
alter table payment add column seat_outcome text check (seat_outcome in ('confirmed', 'refunded', 'dropped'));
-- what of the seat's payment stays in escrow for the factory: final unit price x quantity for a confirmed seat, else 0
alter table payment add column final_amount bigint check (final_amount >= 0);
