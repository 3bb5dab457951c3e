create schema if not exists api;

-- Idempotency-Key records, per account (scope), kept for 24 hours.
create table api.idempotency_keys (
    scope            varchar(40)  not null,
    idempotency_key  varchar(255) not null,
    fingerprint      char(64)     not null,
    state            varchar(10)  not null, -- in_flight | done
    response_status  integer,
    response_type    varchar(255),
    response_body    bytea,
    created_at       timestamptz  not null default now(),
    locked_until     timestamptz  not null,
    primary key (scope, idempotency_key)
);
create index idempotency_keys_created_at_idx on api.idempotency_keys (created_at);

-- When each API key was last used; updated at most once a minute per key, off the event stream.
create table api.api_key_usage (
    key_id       varchar(40) primary key,
    last_used_at timestamptz not null
);
