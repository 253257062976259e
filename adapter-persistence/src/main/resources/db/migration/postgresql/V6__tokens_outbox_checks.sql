-- The enumerated values of the token and outbox tables (H2 spells these checks differently: see docs/adr/0003),
-- and the index pollers claim due mails through: only pending mails, in the order they are claimed.
ALTER TABLE one_time_token ADD CONSTRAINT ck_one_time_token_purpose
    CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION'));
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'));

CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
