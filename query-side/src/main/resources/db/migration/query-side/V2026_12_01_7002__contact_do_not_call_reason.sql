-- Why a do-not-call contact may not be called: opted_out (the callee asked) or marked.
alter table query.contacts add column do_not_call_reason varchar(20);
update query.contacts set do_not_call_reason = case when status = 'opted_out' then 'opted_out' else 'marked' end
where do_not_call;
