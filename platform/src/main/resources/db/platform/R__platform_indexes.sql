-- Indexes the platform needs on its own tables, kept idempotent: a repeatable migration runs after every
-- versioned one, also in databases migrated before it existed (a new V0_x would sort before their V1..Vn).

-- The inbox purge (Purges) deletes by age.
create index if not exists inbox_event_processed_at on inbox_event (processed_at);
