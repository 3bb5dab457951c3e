-- Live lists: a campaign follows its list while it runs or is paused. list_id finds the
-- campaigns of a list whose membership changed; their rows are share-locked by that change,
-- so a completion (which locks the row) never overlooks a member joining at the same moment.
alter table dialer.campaigns add column list_id varchar(40);
update dialer.campaigns set list_id = settings ->> 'contactListId';
alter table dialer.campaigns alter column list_id set not null;
create index campaigns_list_idx on dialer.campaigns (list_id) where status in ('draft', 'running', 'paused');

-- Campaigns whose list gained members they have not enrolled yet (one row each, whatever the
-- number of joins): a tick sees it at the cost of one key lookup.
create table dialer.roster_changes (
    campaign_id varchar(40) primary key
);
