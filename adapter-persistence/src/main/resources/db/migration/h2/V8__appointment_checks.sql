-- The enumerated values of the appointment tables and of the new token purposes, as "= ANY (ARRAY[...])" rather
-- than "IN (...)" (see V2__tenant_checks.sql and docs/adr/0003), and what keeps double bookings out.
ALTER TABLE availability_rule ADD CONSTRAINT ck_availability_rule_recurrence
    CHECK (recurrence = ANY (ARRAY['ONCE', 'DAILY', 'WEEKLY']));
ALTER TABLE availability_rule ADD CONSTRAINT ck_availability_rule_once_without_end
    CHECK (recurrence <> 'ONCE' OR end_date IS NULL);
ALTER TABLE booking ADD CONSTRAINT ck_booking_status CHECK (status = ANY (ARRAY['REQUESTED', 'CONFIRMED', 'CANCELLED']));

ALTER TABLE one_time_token DROP CONSTRAINT ck_one_time_token_purpose;
ALTER TABLE one_time_token ADD CONSTRAINT ck_one_time_token_purpose
    CHECK (purpose = ANY (ARRAY['PASSWORD_RESET', 'EMAIL_VERIFICATION', 'BOOKING_CONFIRM', 'BOOKING_CANCEL',
                                'BOOKING_VISITOR_CANCEL']));

-- H2 has no exclusion constraints. It keeps the start of every booking that holds its slot in active_start (NULL
-- for a cancelled one, and NULLs never clash), unique per tenant: two active bookings of a tenant cannot start at the
-- same instant, which is how concurrent requests for one slot meet. Bookings that overlap without starting together
-- are not caught here (the Bookings port says so); H2 is the embedded single-process database. The adapter
-- translates a violation of uq_booking_active_start by name.
ALTER TABLE booking ADD COLUMN active_start timestamp with time zone
    GENERATED ALWAYS AS (CASE WHEN status <> 'CANCELLED' THEN start_at END);
ALTER TABLE booking ADD CONSTRAINT uq_booking_active_start UNIQUE (tenant_id, active_start);
