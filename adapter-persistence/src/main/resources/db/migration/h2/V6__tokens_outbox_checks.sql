-- The enumerated values of the token and outbox tables, as "= ANY (ARRAY[...])" rather than "IN (...)" (see
-- V2__tenant_checks.sql and docs/adr/0003), and the index pollers claim due mails through. H2 has no partial
-- indexes, so the status leads it instead of filtering it.
ALTER TABLE one_time_token ADD CONSTRAINT ck_one_time_token_purpose
    CHECK (purpose = ANY (ARRAY['PASSWORD_RESET', 'EMAIL_VERIFICATION']));
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_status CHECK (status = ANY (ARRAY['PENDING', 'SENT', 'FAILED']));

CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at, id);
