-- The live stream (GET /v1/campaigns/:id/stream) on every node learns of changes from the read
-- models' own commits: each write to a campaign or call row NOTIFYs its campaign id on channel
-- campaign_changes. PostgreSQL delivers a notification only when the writing transaction commits
-- and folds identical payloads of one transaction into one, so a batch of call updates costs one
-- notification per campaign, and a listener that reads the rows then sees them committed.
create function query.notify_campaign_row_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('campaign_changes', new.id);
    return null;
end
$$;

create function query.notify_call_row_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('campaign_changes', new.campaign_id);
    return null;
end
$$;

create trigger campaigns_notify_change after insert or update on query.campaigns
    for each row execute function query.notify_campaign_row_change();
create trigger calls_notify_change after insert or update on query.calls
    for each row execute function query.notify_call_row_change();
