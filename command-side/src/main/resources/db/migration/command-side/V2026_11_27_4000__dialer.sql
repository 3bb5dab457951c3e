-- The dialer's own command-side state, written by subscribing processors in the same
-- transaction as the events they follow (never from a read model).
create schema if not exists dialer;

create table dialer.agents (
    agent_id   varchar(40) primary key,
    account_id varchar(40) not null,
    settings   jsonb       not null,
    deleted    boolean     not null default false
);

create table dialer.lists (
    list_id    varchar(40) primary key,
    account_id varchar(40) not null,
    deleted    boolean     not null default false
);

create table dialer.contacts (
    contact_id  varchar(40) primary key,
    account_id  varchar(40) not null,
    phone       varchar(32) not null,
    details     jsonb       not null,
    timezone    text,
    candidates  text,
    do_not_call boolean     not null default false,
    opted_out   boolean     not null default false,
    deleted     boolean     not null default false
);

create table dialer.list_members (
    list_id    varchar(40) not null,
    contact_id varchar(40) not null,
    primary key (list_id, contact_id)
);

-- One row per campaign; ticks lock it (FOR UPDATE) so two nodes never dial for it at once.
create table dialer.campaigns (
    campaign_id     varchar(40) primary key,
    account_id      varchar(40) not null,
    status          varchar(20) not null,
    settings        jsonb       not null,
    credits_blocked boolean     not null default false,
    waiting_reason  varchar(30),
    next_dial_at    timestamptz,
    next_tick_at    timestamptz
);
create index campaigns_running_idx on dialer.campaigns (next_tick_at) where status = 'running';

-- The lock row that serializes every slot claim of one account across its campaigns and nodes.
create table dialer.accounts (
    account_id varchar(40) primary key
);

-- The per-campaign queue: state pending (due_at = earliest next attempt), dialing (a slot is
-- held from the claim until the call's end event), done.
create table dialer.campaign_contacts (
    campaign_id  varchar(40) not null,
    contact_id   varchar(40) not null,
    account_id   varchar(40) not null,
    state        varchar(10) not null,
    attempts     integer     not null default 0,
    due_at       timestamptz not null,
    call_id      varchar(40),
    claimed_at   timestamptz,
    placed       boolean     not null default false,
    last_outcome varchar(20),
    primary key (campaign_id, contact_id)
);
create index campaign_contacts_due_idx on dialer.campaign_contacts (campaign_id, due_at) where state = 'pending';
create index campaign_contacts_dialing_idx on dialer.campaign_contacts (account_id) where state = 'dialing';
create index campaign_contacts_call_idx on dialer.campaign_contacts (call_id);
