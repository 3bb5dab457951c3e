-- Lists are "where account_id = ? [and filter = ?] order by id|seq desc limit n", run as
-- server-prepared statements that PostgreSQL soon plans generically. A generic plan guesses
-- an account's share of a table from the few accounts ANALYZE saw (one in development, a
-- handful in a benchmark): it then walks the whole primary key (or seq) index backwards and
-- filters by account, which for a small account means reading every other account's rows
-- (GET /v1/contacts?limit=1 took 76 ms beside 300,000 other contacts, 1 ms after this).
-- Telling the planner that accounts, campaigns and contacts each hold a small share makes it
-- use the (account_id, …) / (campaign_id, seq) indexes, which are right for any account size.
-- A negative n_distinct is a fraction of the rows; ANALYZE keeps the override.
alter table query.contacts alter column account_id set (n_distinct = -0.01);
alter table query.contact_lists alter column account_id set (n_distinct = -0.01);
alter table query.agents alter column account_id set (n_distinct = -0.01);
alter table query.api_keys alter column account_id set (n_distinct = -0.01);
alter table query.campaigns alter column account_id set (n_distinct = -0.01);
alter table query.calls alter column account_id set (n_distinct = -0.01);
alter table query.calls alter column campaign_id set (n_distinct = -0.001);
alter table query.calls alter column contact_id set (n_distinct = -0.001);
alter table query.credit_ledger alter column account_id set (n_distinct = -0.01);
alter table query.credit_usage alter column account_id set (n_distinct = -0.01);
