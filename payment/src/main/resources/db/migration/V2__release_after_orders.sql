-- SPEC §5.6: the escrow is released when orders exist AND production is done. The two facts come on
-- different topics in either order; payment keeps both and releases when the second arrives.
alter table session_account add column production_completed_at timestamptz;

create table session_orders (
    session_id uuid        primary key,
    orders     integer     not null,
    created_at timestamptz not null default now()
);
