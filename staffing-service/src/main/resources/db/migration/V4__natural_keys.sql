-- The council's own keys, by which its HR system's files name workers and posts (teams go by their names, unique
-- already): a council that brings its records in keeps them, and an export gives them back. Unique where given.
alter table worker add column staff_number text;
create unique index worker_staff_number on worker (staff_number) where staff_number is not null;
alter table post add column post_number text;
create unique index post_number_unique on post (post_number) where post_number is not null;
