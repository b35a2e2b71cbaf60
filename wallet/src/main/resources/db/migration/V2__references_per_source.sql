-- A movement's reference is an idempotency key of its source: 'refund' (payment's refund id) or 'admin' (an admin's
-- debit key). Unique per (wallet, source, reference), so an admin's reference can never equal, and swallow, a
-- refund's. Movements made before this carry their source in their reason (refunds are 'refund:<reason>').
alter table wallet_transaction add column source text;
update wallet_transaction set source = case when reason like 'refund:%' then 'refund' else 'admin' end;
alter table wallet_transaction alter column source set not null;
alter table wallet_transaction add constraint wallet_transaction_source check (source in ('refund', 'admin'));
alter table wallet_transaction drop constraint wallet_transaction_user_id_reference_key;
alter table wallet_transaction add constraint wallet_transaction_reference unique (user_id, source, reference);
