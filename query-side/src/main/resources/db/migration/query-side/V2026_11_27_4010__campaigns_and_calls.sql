-- Read models of campaigns and calls.
create table query.campaigns (
    id             varchar(40) primary key,
    account_id     varchar(40) not null,
    agent_id       varchar(40) not null,
    status         varchar(20) not null,
    settings       jsonb       not null,
    total_contacts integer     not null default 0,
    waiting_reason varchar(30),
    next_dial_at   timestamptz,
    started_at     timestamptz,
    completed_at   timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null
);
create index campaigns_account_idx on query.campaigns (account_id, id);

-- Contacts a campaign finished without (another) call: do-not-call, opted out, deleted, schedule ended.
create table query.campaign_skips (
    campaign_id varchar(40) not null,
    contact_id  varchar(40) not null,
    reason      varchar(20) not null,
    primary key (campaign_id, contact_id)
);

-- Call ids are derived (not time-ordered), so creation order is the projection's own sequence.
create table query.calls (
    seq              bigserial   not null unique,
    id               varchar(40) primary key,
    account_id       varchar(40) not null,
    campaign_id      varchar(40) not null,
    agent_id         varchar(40) not null,
    contact_id       varchar(40) not null,
    to_number        varchar(32) not null,
    from_number      varchar(32),
    attempt          integer     not null,
    status           varchar(20) not null,
    answered_by      varchar(20),
    outcome          varchar(20),
    end_reason       text,
    retryable        boolean,
    queued_at        timestamptz not null,
    started_at       timestamptz,
    answered_at      timestamptz,
    ended_at         timestamptz,
    duration_seconds bigint,
    billed_seconds   bigint,
    credits_charged  bigint,
    summary          text,
    analysis         jsonb,
    recording_ref    text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index calls_account_seq_idx on query.calls (account_id, seq);
create index calls_campaign_seq_idx on query.calls (campaign_id, seq);
create index calls_contact_idx on query.calls (contact_id, seq);

create table query.call_transcripts (
    call_id varchar(40) primary key,
    turns   jsonb       not null
);
