-- A claimed slot has an owner (the node that claimed it, or took it over) holding a lease its
-- node renews while the call lives; only a slot whose lease expired is recovered by another
-- node. lease_token changes at every claim and takeover: a placement checks it right before
-- dialing, so a holder that lost the slot never dials. dialed_at is set by that check.
alter table dialer.campaign_contacts
    add column owner            varchar(64),
    add column lease_token      uuid,
    add column lease_expires_at timestamptz,
    add column dialed_at        timestamptz,
    add column released_reason  varchar(40),
    add column released_at      timestamptz,
    add column held_call_id     varchar(40);

-- Slots claimed before leases existed have no owner: expired, so a node recovers them by
-- asking the provider about the call first.
update dialer.campaign_contacts set lease_expires_at = claimed_at, dialed_at = case when placed then claimed_at end
where state = 'dialing';

create index campaign_contacts_lease_idx on dialer.campaign_contacts (lease_expires_at) where state = 'dialing';
create index campaign_contacts_owner_idx on dialer.campaign_contacts (owner) where state = 'dialing';
create index campaign_contacts_held_idx on dialer.campaign_contacts (campaign_id) where held_call_id is not null;

-- The telephony simulator's own record, as a provider keeps one: each call it was asked to
-- place (dials counts the requests; a second one is refused), when, and when its plan answers
-- and ends (simulated milliseconds after placed_at), so any node can answer "what became of
-- this call" and take its reports over.
create table dialer.simulated_calls (
    call_id   varchar(40) primary key,
    dials     integer     not null default 1,
    placed_at timestamptz not null default now(),
    answer_ms bigint,
    end_ms    bigint      not null,
    outcome   varchar(20) not null
);

-- Whether a call reached the provider is the provider's to say (CallGateway.status), not a flag.
alter table dialer.campaign_contacts drop column placed;
