-- Command-side lookup tables, written in the same transaction as the events (subscribing processor).
create schema if not exists registry;

create table registry.accounts (
    account_id          varchar(40) primary key,
    name                text        not null,
    tier                varchar(20) not null,
    requests_per_minute integer,
    burst_per_second    integer,
    concurrent_requests integer,
    concurrent_calls    integer,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

-- One row per active key; revocation deletes the row, so a lookup miss is "unknown or revoked".
create table registry.api_keys (
    key_hash   char(64)    primary key,
    key_id     varchar(40) not null unique,
    account_id varchar(40) not null references registry.accounts (account_id)
);
