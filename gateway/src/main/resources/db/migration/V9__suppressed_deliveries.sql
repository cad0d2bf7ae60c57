-- A queued message that a silence, an acknowledgement or a resolution made since it was queued has made
-- pointless is never sent: it is marked SUPPRESSED, with the reason, when its batch is due.
alter table delivery add column suppressed_reason text;
