create schema if not exists query;

-- Read model of the "agents" processing group (AgentProjection).
create table query.agents (
    id         varchar(40) primary key,
    account_id varchar(40) not null,
    settings   jsonb       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);
create index agents_account_id_idx on query.agents (account_id, id desc);

-- Read model of the "api-keys" processing group (ApiKeyProjection).
create table query.api_keys (
    id         varchar(40) primary key,
    account_id varchar(40) not null,
    name       text,
    prefix     varchar(20) not null,
    last4      varchar(4)  not null,
    created_at timestamptz not null
);
create index api_keys_account_id_idx on query.api_keys (account_id, id desc);
