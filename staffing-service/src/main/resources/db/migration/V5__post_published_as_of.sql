-- The day the state last published for a post was true as of: a date of the post's (its establishment, the day
-- after its removal, a round's milestone) after it and by today has not reached the consumers yet. Posts from
-- before are taken as published as of the day of this upgrade.
alter table post add column published_as_of date;
update post set published_as_of = current_date;
alter table post alter column published_as_of set not null;
