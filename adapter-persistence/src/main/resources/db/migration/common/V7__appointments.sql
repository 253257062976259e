-- Appointments: the availability rules a tenant publishes and the bookings visitors make, and the calendar
-- invitation a mail may carry. Written once for PostgreSQL and H2 (docs/adr/0005); V8 of each vendor's folder holds
-- the enumerated checks and what keeps two active bookings of a tenant from overlapping. Column sizes are the
-- domain's limits, which the persistence tests compare.

-- A rule in the tenant's wall-clock time: from start_date, at start_time, for duration_minutes, once or repeating
-- daily or weekly until end_date (none for a rule that happens once, or for no end). A rule goes with its tenant.
-- The tenant's rules are listed through ix_availability_rule_tenant, in the order it keeps them.
CREATE TABLE availability_rule (
    id               uuid        NOT NULL,
    tenant_id        uuid        NOT NULL,
    start_date       date        NOT NULL,
    start_time       time        NOT NULL,
    duration_minutes integer     NOT NULL,
    recurrence       varchar(16) NOT NULL,
    end_date         date,
    CONSTRAINT pk_availability_rule PRIMARY KEY (id),
    CONSTRAINT fk_availability_rule_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_availability_rule_duration CHECK (duration_minutes > 0),
    CONSTRAINT ck_availability_rule_end_date CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE INDEX ix_availability_rule_tenant ON availability_rule (tenant_id, start_date, start_time, id);

-- A visitor's booking of [start_at, end_at), with what the visitor typed. A booking goes with its tenant. sequence
-- counts the changes, which the adapter writes only where the row is still at the sequence before. An idempotency
-- key is unique per tenant (uq_booking_idempotency_key, which the adapter translates by name and which also finds a
-- booking by its key) and comes with the hash of its request. Bookings are listed and checked for overlaps through
-- ix_booking_tenant_start. The unique constraint is declared before V8's overlap constraints, so that a retry of a
-- request, which meets both, is reported for its key.
CREATE TABLE booking (
    id              uuid                     NOT NULL,
    tenant_id       uuid                     NOT NULL,
    start_at        timestamp with time zone NOT NULL,
    end_at          timestamp with time zone NOT NULL,
    visitor_name    varchar(100)             NOT NULL,
    visitor_email   varchar(254)             NOT NULL,
    visitor_phone   varchar(30),
    visitor_notes   varchar(1000),
    status          varchar(16)              NOT NULL,
    sequence        integer                  NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    updated_at      timestamp with time zone NOT NULL,
    idempotency_key varchar(100),
    request_hash    varchar(64),
    CONSTRAINT pk_booking PRIMARY KEY (id),
    CONSTRAINT fk_booking_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT uq_booking_idempotency_key UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT ck_booking_period CHECK (end_at > start_at),
    CONSTRAINT ck_booking_sequence CHECK (sequence >= 0),
    CONSTRAINT ck_booking_request_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);

CREATE INDEX ix_booking_tenant_start ON booking (tenant_id, start_at, id);

-- The calendar invitation (iCalendar text) a mail may carry, dropped with the bodies once the mail was sent.
ALTER TABLE mail_outbox ADD COLUMN calendar_body varchar(100000);
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_calendar CHECK (calendar_body IS NULL OR text_body IS NOT NULL);
