-- The minute quota becomes a sliding-window counter: the previous minute's count, weighted by how
-- much of it still lies within the last 60 seconds, is added to the current minute's. A client can
-- no longer send a full quota at the end of one minute and another at the start of the next.
alter table ratelimit.request_windows add column previous_minute_count integer not null default 0;
