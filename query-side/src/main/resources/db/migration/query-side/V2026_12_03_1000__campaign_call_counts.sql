-- What a campaign's stats count of its calls, kept by the calls projection as calls are placed and
-- end (CampaignCallCounts), instead of computed over every call of the campaign on each read.
-- name: attempts, in_progress, finished, credits, or 'outcome:' followed by an outcome.
create table query.campaign_call_counts (
    campaign_id varchar(40) not null,
    name        varchar(40) not null,
    value       bigint      not null,
    primary key (campaign_id, name)
);

-- The calls already projected, counted as the projection would have counted them.
insert into query.campaign_call_counts (campaign_id, name, value)
select campaign_id, 'attempts', count(*) from query.calls group by campaign_id
union all
select campaign_id, 'in_progress', count(*) from query.calls
where status in ('queued', 'ringing', 'in_progress') group by campaign_id
union all
select campaign_id, 'finished', count(*) from query.calls
where status not in ('queued', 'ringing', 'in_progress') and not coalesce(retryable, false) group by campaign_id
union all
select campaign_id, 'credits', sum(credits_charged) from query.calls
where credits_charged is not null and credits_charged <> 0 group by campaign_id
union all
select campaign_id, 'outcome:' || outcome, count(*) from query.calls where outcome is not null group by campaign_id, outcome;
