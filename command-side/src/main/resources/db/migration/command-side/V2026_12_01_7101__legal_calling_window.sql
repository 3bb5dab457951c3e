-- The account's legal calling window (LegalCallingWindowChangedEvent); null = the default, 08:00-21:00.
alter table registry.accounts
    add column legal_window_start varchar(5),
    add column legal_window_end   varchar(5);
