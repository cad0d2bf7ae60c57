-- The day the state last published for each episode, and for each worker's absence status, was true as of. A day
-- after it and by today that changes what the dates mean (an episode's first day or long-term day, the day a fit note
-- is needed, the day after its last, the day its interview falls overdue, one more working day absent) has not
-- reached the consumers yet. What was published before is taken as true as of the day before this upgrade (the hourly
-- sweep before it made sure of that much), so the first sweep publishes once what today changes.
alter table absence_episode add column published_as_of date;
update absence_episode set published_as_of = current_date - 1;
alter table absence_episode alter column published_as_of set not null;

-- on the worker's row, beside the status published; empty while none has been worked out
alter table worker add column absence_as_of date;
update worker set absence_as_of = current_date - 1 where absence_version is not null;
