-- Written by MemberRegistry from MemberTimeZoneChangedEvent; null until the member or their
-- browser (at sign-in) chose one: the console shows times in UTC meanwhile.
alter table console.members add column time_zone varchar(64);
