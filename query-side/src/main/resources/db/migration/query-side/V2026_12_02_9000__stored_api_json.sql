-- Each row's API JSON, rendered by the projection when it writes the row (StoredJson): a listed page
-- is these texts as they are. Rows written before have none and are rendered when read; a rebuild
-- stores them all.
alter table query.agents add column api_json text;
alter table query.calls add column api_json text;

-- A campaign's calls page (GET /v1/calls?campaign_id=…) is a backward range scan of this index, where
-- the planner combined the account's and the campaign's indexes and sorted every call of the campaign.
create index calls_account_campaign_seq_idx on query.calls (account_id, campaign_id, seq);
