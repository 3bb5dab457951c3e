-- Tombstones: the ids a projection has seen deleted, with the sequence number of the deleting
-- event. A creation event delivered again after the deletion (a redelivered batch, a partial
-- replay) finds the tombstone and inserts nothing, so a deleted agent, key, contact or list never
-- comes back. Each table belongs to the projection that writes it, is cleared by its reset and
-- refilled by its replay, so a rebuild gives the same rows. Queries never read them.
create table query.agent_tombstones (
    id      varchar(40) primary key,
    version bigint      not null
);
create table query.api_key_tombstones (
    id      varchar(40) primary key,
    version bigint      not null
);
create table query.contact_tombstones (
    id      varchar(40) primary key,
    version bigint      not null
);
create table query.contact_list_tombstones (
    id      varchar(40) primary key,
    version bigint      not null
);
