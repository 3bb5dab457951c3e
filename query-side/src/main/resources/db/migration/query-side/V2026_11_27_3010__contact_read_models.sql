-- Read models of the "contacts" processing group (ContactProjection).
create table query.contacts (
    id                  varchar(40) primary key,
    account_id          varchar(40) not null,
    phone_number        varchar(20) not null,
    raw_phone_number    text,
    first_name          text,
    last_name           text,
    email               text,
    metadata            jsonb       not null,
    timezone            text,
    timezone_candidates jsonb       not null,
    timezone_source     varchar(20) not null,
    do_not_call         boolean     not null,
    status              varchar(20) not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);
create index contacts_account_id_idx on query.contacts (account_id, id desc);
create index contacts_phone_idx on query.contacts (account_id, phone_number);

create table query.contact_lists (
    id         varchar(40) primary key,
    account_id varchar(40) not null,
    name       text        not null,
    created_at timestamptz not null
);
create index contact_lists_account_id_idx on query.contact_lists (account_id, id desc);

-- Membership, keyed so that one list's contacts page newest first by an index range scan.
create table query.contact_list_members (
    list_id    varchar(40) not null,
    contact_id varchar(40) not null,
    primary key (list_id, contact_id)
);
create index contact_list_members_contact_idx on query.contact_list_members (contact_id);
