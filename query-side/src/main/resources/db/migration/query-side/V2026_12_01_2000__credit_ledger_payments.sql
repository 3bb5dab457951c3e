-- "credit-ledger" (CreditLedgerProjection): who took the money for a purchase, and its reference there.
-- Null on every other movement.
alter table query.credit_ledger
    add column provider          varchar(40),
    add column payment_reference varchar(255);

-- Purchases projected before providers were recorded all went through the record-only provider (the only
-- one shipped); the projection maps such events the same way, so a rebuild gives these rows again.
update query.credit_ledger set provider = 'record_only' where type = 'purchase';
