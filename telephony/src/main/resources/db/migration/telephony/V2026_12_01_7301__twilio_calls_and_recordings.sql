create schema if not exists telephony;

-- the calls placed with Twilio, written at dial time and moved by its callbacks; any node serves any callback
create table telephony.twilio_calls (
    call_id           text primary key,
    request           jsonb not null,          -- the DialRequest (agent, contact, from/to): PlacedCalls
    call_sid          text unique,             -- Twilio's CA… id, once Calls.json answered
    placed_at         timestamptz not null default now(),
    status            text not null default 'placing', -- Twilio's CallStatus last applied
    last_sequence     integer not null default -1,     -- SequenceNumber of that status callback
    answered          boolean not null default false,
    answered_by       text,                    -- Twilio's AnsweredBy verdict (async AMD)
    voicemail_at      timestamptz,             -- when the machine verdict was acted on
    duration_seconds  integer,                 -- CallDuration: what is billed
    sip_response_code integer,
    completed_at      timestamptz,             -- a final status arrived
    recording_state   text,                    -- null (still to come) | stored | absent
    outcome           text,                    -- set with finished_at, when the end was reported
    finished_at       timestamptz
);
create index twilio_calls_to_finish on telephony.twilio_calls (completed_at) where finished_at is null and completed_at is not null;

-- recordings kept in PostgreSQL so every node serves them
create table telephony.recordings (
    call_id      text primary key,
    content_type text not null,
    content      bytea not null,
    stored_at    timestamptz not null default now()
);
