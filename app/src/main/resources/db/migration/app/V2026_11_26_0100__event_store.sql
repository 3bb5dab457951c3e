-- Axon's JDBC event store, token store and dead-letter queue, as Axon's PostgreSQL table
-- factories would create them, but with BYTEA (never oid large objects) and a BIGSERIAL global
-- index (allocated one at a time, so streaming processors never skip events).
create schema if not exists eventstore;

create table eventstore.domain_event_entry (
    globalIndex         bigserial    not null,
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255),
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (globalIndex),
    unique (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);

create table eventstore.snapshot_event_entry (
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255) not null,
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);

create table eventstore.token_entry (
    processorName varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokenType     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorName, segment)
);

create table eventstore.dead_letter_entry (
    deadLetterIdentifier varchar(255)  not null,
    processingGroup      varchar(255)  not null,
    sequenceIdentifier   varchar(255)  not null,
    sequenceIndex        bigint        not null,
    messageType          varchar(255)  not null,
    eventIdentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadType          varchar(255)  not null,
    payloadRevision      varchar(255),
    payload              bytea         not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255)  not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_entry_pk primary key (deadLetterIdentifier),
    constraint dead_letter_entry_sequence_index unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
create index dead_letter_entry_processing_group_idx on eventstore.dead_letter_entry (processingGroup);
create index dead_letter_entry_sequence_idx on eventstore.dead_letter_entry (processingGroup, sequenceIdentifier);
