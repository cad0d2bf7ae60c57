-- A category change is judged by the limits as an allocation is (CIN to CP can break the CP mix): one a senior manager
-- let through over a limit records, as an allocation does, which limits it broke with their figures, and why.
alter table case_category add column override_reason text;
alter table case_category add column overridden text;
