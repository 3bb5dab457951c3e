-- Read models of the credits area. Every figure here is a fold over the CreditAccount events;
-- GET /v1/credits/audit recomputes it from the event store and compares.

-- "credit-balances" (CreditBalanceProjection): one row per account.
create table query.credit_balances (
    account_id            varchar(40) primary key,
    balance               bigint      not null,
    reserved              bigint      not null,
    low_balance_threshold bigint      not null,
    version               bigint      not null,
    updated_at            timestamptz not null
);

-- "credit-ledger" (CreditLedgerProjection): one row per credit movement, in the account's event order.
create table query.credit_ledger (
    id             varchar(40) primary key,
    account_id     varchar(40) not null,
    seq            bigint      not null,
    type           varchar(20) not null,
    amount         bigint      not null,
    balance_after  bigint      not null,
    reserved_after bigint      not null,
    reservation_id varchar(100),
    call_id        varchar(100),
    campaign_id    varchar(100),
    reason         text,
    created_at     timestamptz not null,
    unique (account_id, seq)
);
create index credit_ledger_account_created_idx on query.credit_ledger (account_id, created_at);

-- "credit-usage" (CreditUsageProjection): one row per settled call.
create table query.credit_usage (
    account_id     varchar(40)  not null,
    reservation_id varchar(100) not null,
    call_id        varchar(100),
    campaign_id    varchar(100),
    agent_id       varchar(100),
    billed_seconds bigint       not null,
    credits        bigint       not null,
    created_at     timestamptz  not null,
    primary key (account_id, reservation_id)
);
create index credit_usage_account_created_idx on query.credit_usage (account_id, created_at);
