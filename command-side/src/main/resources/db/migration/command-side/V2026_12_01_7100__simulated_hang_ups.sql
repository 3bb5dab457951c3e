-- When the simulated call was hung up at our request (CallGateway.hangUp): its plan ends there.
alter table dialer.simulated_calls add column hung_up_at timestamptz;
