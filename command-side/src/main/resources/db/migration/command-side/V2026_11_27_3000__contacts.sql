-- Command-side lookups for contacts and contact lists, written inside the commands' own
-- transactions, plus the bookkeeping of asynchronous contact imports.
create schema if not exists contacts;

-- One contact per phone number per account: the set-based rule behind 409 phone_number_taken.
create table contacts.phone_numbers (
    account_id   varchar(40) not null,
    phone_number varchar(20) not null,
    contact_id   varchar(40) not null unique,
    primary key (account_id, phone_number)
);

-- Live contact lists, so list_ids can be checked (existence, same account) on the command side.
create table contacts.lists (
    list_id    varchar(40) primary key,
    account_id varchar(40) not null
);

create table contacts.imports (
    id              varchar(40) primary key,
    account_id      varchar(40) not null,
    status          varchar(30) not null,
    list_id         varchar(40),
    default_country varchar(2)  not null,
    on_duplicate    varchar(10) not null,
    source          varchar(10) not null,
    -- records of the file consumed so far (blank lines included): where a resumed job starts
    records_done    integer     not null default 0,
    total_rows      integer     not null default 0,
    processed_rows  integer     not null default 0,
    created         integer     not null default 0,
    updated         integer     not null default 0,
    skipped         integer     not null default 0,
    failed_rows     integer     not null default 0,
    failure_reason  text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    completed_at    timestamptz
);
create index imports_account_id_idx on contacts.imports (account_id, id desc);

-- The uploaded file in 1 MB pieces, so any node can resume the job and nothing holds it whole.
create table contacts.import_chunks (
    import_id varchar(40) not null references contacts.imports (id) on delete cascade,
    seq       integer     not null,
    data      bytea       not null,
    primary key (import_id, seq)
);

create table contacts.import_errors (
    import_id varchar(40) not null references contacts.imports (id) on delete cascade,
    row_number integer    not null,
    seq       integer     not null,
    column_name text,
    code      varchar(60) not null,
    detail    text        not null,
    value     text,
    primary key (import_id, row_number, seq)
);
