-- What the saga after the outcome has reported for a session (SPEC §5), kept on the session row so that
-- the status, the implied production step and the session view read one row.
alter table group_buying_session
    add column refunds_expected        integer,
    add column stock_from_hand         boolean,
    add column purchase_order_id       uuid,
    add column po_number               text,
    add column bundles_ordered         bigint,
    add column orders_created          integer,
    add column production_completed_at timestamptz,
    add column production_implied      boolean;

-- A timeline step happens once per session; a refund step once per refund (ref = refund id).
alter table session_timeline
    add column outcome text not null default '',
    add column ref     text not null default '',
    add column amount  bigint not null default 0;
delete from session_timeline a using session_timeline b
 where a.ctid < b.ctid and a.session_id = b.session_id and a.step = b.step and a.ref = b.ref;
create unique index session_timeline_once on session_timeline (session_id, step, ref);
