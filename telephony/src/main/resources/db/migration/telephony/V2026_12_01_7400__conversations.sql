-- What the agent and the callee said on a real call, and how it ended: written once per call by the
-- ConversationRelay session after its analysis, read when the call's end is reported (TELEPHONY.md).
CREATE SCHEMA IF NOT EXISTS telephony;

CREATE TABLE telephony.conversations (
    call_id         text PRIMARY KEY,
    transcript      jsonb NOT NULL,
    summary         text,
    analysis        jsonb NOT NULL DEFAULT '{}'::jsonb,
    ended_by        text NOT NULL,
    transfer_number text,
    finished_at     timestamptz NOT NULL
);
