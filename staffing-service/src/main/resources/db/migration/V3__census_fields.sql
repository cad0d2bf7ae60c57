-- The worker facts the workforce census return (CSWW) needs, as census-coded values (enum names; the
-- codes are in the event contract). Origin, leaving reason and destination become those codes too.

alter table worker add column qualification_institution text;
alter table worker add column qualification_level text;
alter table worker add column census_role text;
alter table worker add column career_stage text;
alter table worker add check ((qualification_institution is null) = (qualification_level is null));

-- Reasons stored under the old names, mapped to the census's own.
update worker set leaving_reason = case leaving_reason
        when 'RETIREMENT' then 'RETIRED'
        when 'DISMISSAL' then 'DISMISSED'
        when 'DEATH' then 'DECEASED'
        when 'END_OF_CONTRACT' then 'OTHER'
        -- the old value told neither voluntary nor compulsory apart
        when 'REDUNDANCY' then 'NOT_KNOWN'
        else leaving_reason end
    where leaving_reason is not null;

-- Free text that is no census value cannot be mapped with confidence: HR can correct it.
update worker set origin = 'NOT_KNOWN'
    where origin is not null and origin not in ('NEWLY_QUALIFIED', 'SOCIAL_WORK_OTHER_COUNCIL_ENGLAND',
        'SOCIAL_WORK_OUTSIDE_ENGLAND', 'AGENCY_OR_CONSULTANCY_ENGLAND', 'SOCIAL_WORK_NOT_COUNCIL_ENGLAND',
        'OTHER_SOCIAL_CARE_ENGLAND', 'NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT', 'OTHER', 'NOT_KNOWN', 'NOT_YET_COLLECTED');
update worker set leaving_destination = 'NOT_KNOWN'
    where leaving_destination is not null and leaving_destination not in ('SOCIAL_WORK_OTHER_COUNCIL_ENGLAND',
        'SOCIAL_WORK_OUTSIDE_ENGLAND', 'AGENCY_OR_CONSULTANCY_ENGLAND', 'SOCIAL_WORK_NOT_COUNCIL_ENGLAND',
        'OTHER_SOCIAL_CARE_ENGLAND', 'NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT', 'OTHER', 'NOT_KNOWN', 'NOT_YET_COLLECTED');
-- A leaver's destination not given is one not collected yet, as it is recorded from now on.
update worker set leaving_destination = 'NOT_YET_COLLECTED' where left_on is not null and leaving_destination is null;
