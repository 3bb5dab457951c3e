-- who dialed a call (twilio | simulator) and under which id; test-mode calls are simulated and charged nothing
alter table query.calls add column provider text not null default 'simulator';
alter table query.calls add column provider_call_id text;
alter table query.calls add column test_mode boolean not null default false;
