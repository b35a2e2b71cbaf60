-- The grosir config a session opened with (SPEC §7: admins configure grosir; a later change must not alter a
-- session already forming): joins, availability and the outcome read this, never the product's current config.
create table session_variant (
    session_id       uuid    not null references group_buying_session (id),
    variant_id       uuid    not null references product_variant (id),
    name             text    not null,
    position         integer not null,
    units_per_bundle integer check (units_per_bundle >= 1),
    tolerance        integer check (tolerance >= 0),
    primary key (session_id, variant_id)
);

-- Sessions opened before this keep the config their product has now (the closest record of what they opened with).
insert into session_variant (session_id, variant_id, name, position, units_per_bundle, tolerance)
select s.id, v.id, v.name, v.position, v.units_per_bundle, v.tolerance
from group_buying_session s join product_variant v on v.product_id = s.product_id;

-- A customer's live unpaid units in one session are capped (JoinService, UnpaidCap); null: the default rule.
alter table group_buying_session
    add column max_unpaid_units_per_customer integer check (max_unpaid_units_per_customer >= 1);
