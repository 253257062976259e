-- Accounts: an owner can make every session issued so far stop working, the platform says why it suspended a
-- tenant, and attempts (failed sign-ins, sign-ups from one address) are counted in one place for every instance.
-- Written once for PostgreSQL and H2 (docs/adr/0005); column sizes are the domain's limits, which the persistence
-- tests compare.

-- Sessions issued before this instant (a whole second) are refused. Tenants stored before this migration never
-- revoked a session, so they get the domain's value for that, the epoch.
ALTER TABLE tenant ADD COLUMN sessions_valid_from timestamp with time zone
    DEFAULT TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' NOT NULL;

-- Why the platform admin suspended the tenant, for its owner to read: present exactly while the tenant is
-- suspended. A tenant suspended before reasons were kept gets one that says so, as the domain requires one.
ALTER TABLE tenant ADD COLUMN suspension_reason varchar(500);
UPDATE tenant SET suspension_reason = 'Suspended before reasons were recorded.' WHERE status = 'SUSPENDED';
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_suspension_reason
    CHECK ((status = 'SUSPENDED') = (suspension_reason IS NOT NULL));

-- Counters of attempts, each under a key of the application's choosing (for example 'login:' and an e-mail
-- address). A counter whose expires_at has come counts as absent and the next attempt starts it over at 1; the
-- adapter's one-statement increment keeps concurrent attempts from several instances from being lost. Purging
-- deletes the expired counters through the index on expires_at.
CREATE TABLE attempt_counter (
    counter_key     varchar(300)             NOT NULL,
    attempts        integer                  NOT NULL,
    last_attempt_at timestamp with time zone NOT NULL,
    expires_at      timestamp with time zone NOT NULL,
    CONSTRAINT pk_attempt_counter PRIMARY KEY (counter_key),
    CONSTRAINT ck_attempt_counter_attempts CHECK (attempts >= 1)
);

CREATE INDEX ix_attempt_counter_expires_at ON attempt_counter (expires_at);
