create schema if not exists console;

-- Set-based rule: an email belongs to one member, claimed in the creating command's transaction.
create table console.member_emails (
    email     varchar(254) primary key,
    member_id varchar(40)  not null unique
);

-- Written by MemberRegistry (subscribing processor) from the member events; read by sign-in.
create table console.members (
    member_id               varchar(40)  primary key,
    account_id              varchar(40)  not null,
    email                   varchar(254) not null unique,
    password_hash           text,
    set_password_token_hash varchar(64)  unique,
    token_expires_at        timestamptz,
    created_at              timestamptz  not null
);
create index members_account_idx on console.members (account_id, member_id);

-- Failed sign-ins per email (whether or not a member has it, so the answer tells nothing):
-- an operational counter like the rate limits, not a fact worth an event.
create table console.sign_in_failures (
    email        varchar(254) primary key,
    window_start timestamptz  not null,
    failures     integer      not null,
    locked_until timestamptz
);

-- Spring Session JDBC (its schema-postgresql.sql), in the console schema: any node serves any session.
create table console.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on console.spring_session (session_id);
create index spring_session_ix2 on console.spring_session (expiry_time);
create index spring_session_ix3 on console.spring_session (principal_name);

create table console.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references console.spring_session (primary_id) on delete cascade
);
