-- Numbers an account must not call, whatever becomes of their contacts: a contact deleted and
-- created again (by POST or by an import) with a number listed here comes back do-not-call,
-- with the reason. opted_out (the callee asked on a call) is lifted by no one; marked (someone
-- set do_not_call) is lifted when a contact with that number gets do_not_call: false again.
create table contacts.suppressed_numbers (
    account_id    varchar(40) not null,
    phone_number  varchar(32) not null,
    reason        varchar(20) not null,
    suppressed_at timestamptz not null default now(),
    primary key (account_id, phone_number)
);

-- What the dialer knows today, deleted contacts included.
insert into contacts.suppressed_numbers (account_id, phone_number, reason)
select account_id, phone, case when bool_or(opted_out) then 'opted_out' else 'marked' end
from dialer.contacts where do_not_call or opted_out
group by account_id, phone;
