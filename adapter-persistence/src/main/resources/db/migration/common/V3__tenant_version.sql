-- Optimistic concurrency for tenants: every update names the version it was based on and moves it on by one, so
-- that of two edits based on the same state only the first is stored (the other is told, not overwritten).
ALTER TABLE tenant ADD COLUMN version bigint DEFAULT 0 NOT NULL;
