-- The enumerated values of the appointment tables and of the new token purposes (H2 spells these checks
-- differently: see docs/adr/0003), and the constraint that makes double bookings impossible.
ALTER TABLE availability_rule ADD CONSTRAINT ck_availability_rule_recurrence
    CHECK (recurrence IN ('ONCE', 'DAILY', 'WEEKLY'));
ALTER TABLE availability_rule ADD CONSTRAINT ck_availability_rule_once_without_end
    CHECK (recurrence <> 'ONCE' OR end_date IS NULL);
ALTER TABLE booking ADD CONSTRAINT ck_booking_status CHECK (status IN ('REQUESTED', 'CONFIRMED', 'CANCELLED'));

ALTER TABLE one_time_token DROP CONSTRAINT ck_one_time_token_purpose;
ALTER TABLE one_time_token ADD CONSTRAINT ck_one_time_token_purpose
    CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'BOOKING_CONFIRM', 'BOOKING_CANCEL',
                       'BOOKING_VISITOR_CANCEL'));

-- No two bookings of a tenant that hold their slot (all but cancelled ones) share any moment: [start, end) ranges,
-- so a booking may begin when the one before ends. Of concurrent inserts or updates that would break this, the first
-- to commit wins; the others wait for it and then fail with SQLSTATE 23P01 naming ex_booking_overlap, which the
-- adapter translates. The equality on tenant_id inside a GiST index needs btree_gist (a trusted extension from
-- PostgreSQL 13 on, so the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE booking ADD CONSTRAINT ex_booking_overlap
    EXCLUDE USING gist (tenant_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&) WHERE (status <> 'CANCELLED');
