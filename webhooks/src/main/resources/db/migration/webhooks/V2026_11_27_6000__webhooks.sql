-- Webhook endpoints, the public events rendered for them, and the delivery outbox.
create schema if not exists webhooks;

-- A plain table rather than an event-sourced aggregate: it holds signing secrets, which must be
-- replaceable and forgettable (a roll must not leave every old secret in an immutable log).
create table webhooks.endpoints (
    id                         varchar(40)   primary key,
    account_id                 varchar(40)   not null,
    url                        varchar(2048) not null,
    description                varchar(500),
    enabled_events             text[]        not null,
    status                     varchar(16)   not null,
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    -- first failure since the last success; null while the endpoint is healthy
    failing_since              timestamptz,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);
create index endpoints_account_idx on webhooks.endpoints (account_id, id);

-- One row per public event, its JSON body rendered once so every attempt sends identical bytes.
create table webhooks.events (
    id         varchar(40) primary key,
    account_id varchar(40) not null,
    type       varchar(40) not null,
    body       text        not null,
    created_at timestamptz not null
);

create table webhooks.deliveries (
    id                   varchar(40) primary key,
    endpoint_id          varchar(40) not null references webhooks.endpoints (id) on delete cascade,
    event_id             varchar(40) not null references webhooks.events (id),
    type                 varchar(40) not null,
    status               varchar(16) not null,
    attempts             integer     not null default 0,
    -- position in the retry schedule; a resend starts it again
    retry_index          integer     not null default 0,
    next_attempt_at      timestamptz,
    last_attempt_at      timestamptz,
    last_response_status integer,
    last_response_body   text,
    last_error           varchar(500),
    delivered_at         timestamptz,
    created_at           timestamptz not null default now(),
    unique (endpoint_id, event_id)
);
create index deliveries_due_idx on webhooks.deliveries (next_attempt_at) where status = 'pending';
create index deliveries_endpoint_idx on webhooks.deliveries (endpoint_id, id);
