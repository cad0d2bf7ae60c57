-- The day the role, team, FTE and post last published for a worker were the ones in force. A period
-- that starts after it has not reached the consumers as current yet.
alter table worker add column published_as_of date;
update worker set published_as_of = start_date;
alter table worker alter column published_as_of set not null;
