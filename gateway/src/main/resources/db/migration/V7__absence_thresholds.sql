-- The absence thresholds sickness-service judges by, as its newest absence event carried them: one row, empty until
-- the first event with thresholds arrives (the absence rules judge nothing before). published_at is when the event
-- that brought the values now held was published, so an older event read late never brings back older values.
create table absence_thresholds (
    id                                       smallint primary key check (id = 1),
    long_term_after_days                     integer,
    bradford_trigger                         integer,
    return_interview_due_within_working_days integer,
    published_at                             timestamptz
);
insert into absence_thresholds (id) values (1);
