-- Mail and the links it carries: owners prove their address is theirs, one-time tokens (password reset, address
-- verification) are kept by their hash, rolling limits remember recent events exactly, and mails wait in an outbox
-- written in the same transaction as the change that causes them. Written once for PostgreSQL and H2
-- (docs/adr/0005); the enumerated checks and the claim index are in V6 of each vendor's folder. Column sizes are the
-- domain's limits, which the persistence tests compare.

-- Whether the owner followed a verification link. Owners stored before this migration never did.
ALTER TABLE tenant ADD COLUMN owner_email_verified boolean DEFAULT FALSE NOT NULL;

-- One-time tokens by the SHA-256 of their secret (64 hex digits), never the secret. A token is valid while it is
-- stored and expires_at lies ahead; using it deletes it. Tokens go with their tenant. Removing all tokens of one
-- purpose about one subject finds them through the index leading with tenant_id; purging expired tokens through
-- the index on expires_at.
CREATE TABLE one_time_token (
    token_hash varchar(64)              NOT NULL,
    purpose    varchar(32)              NOT NULL,
    tenant_id  uuid                     NOT NULL,
    subject    varchar(100)             NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_one_time_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_one_time_token_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_one_time_token_expiry CHECK (expires_at > created_at)
);

CREATE INDEX ix_one_time_token_tenant ON one_time_token (tenant_id, purpose, subject);
CREATE INDEX ix_one_time_token_expires_at ON one_time_token (expires_at);

-- Rolling limits: under each key the instants of the events that still count, as epoch microseconds in ascending
-- order separated by commas (at most RollingLimit.MAX_EVENTS of them, each at most 20 characters). The adapter reads
-- a row, decides, and writes it back only where version is still what it read, so concurrent events on any number
-- of instances are counted exactly. expires_at is one window after the latest event: from then on none of them
-- counts and the row is purged through its index.
CREATE TABLE rolling_limit (
    limit_key  varchar(300)             NOT NULL,
    events     varchar(2100)            NOT NULL,
    version    bigint                   NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_rolling_limit PRIMARY KEY (limit_key)
);

CREATE INDEX ix_rolling_limit_expires_at ON rolling_limit (expires_at);

-- The mail outbox. A mail about a tenant goes with the tenant (ON DELETE CASCADE): its recipient and subject are
-- the tenant's personal data, and a mail about a tenant that no longer exists must not be sent; a mail of the
-- platform itself has no tenant. The body is dropped once the mail was sent, as it may carry a link that is still
-- valid; the checks make that, and sent_at, hold for every row. Pollers claim due mails through the claim index
-- (V6); operators list a tenant's mails newest first through ix_mail_outbox_tenant, everyone's through
-- ix_mail_outbox_created_at; sent mails are purged through ix_mail_outbox_sent_at.
CREATE TABLE mail_outbox (
    id              uuid                     NOT NULL,
    message_id      varchar(250)             NOT NULL,
    tenant_id       uuid,
    recipient       varchar(254)             NOT NULL,
    subject         varchar(300)             NOT NULL,
    text_body       varchar(100000),
    html_body       varchar(100000),
    status          varchar(16)              NOT NULL,
    attempts        integer                  NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at         timestamp with time zone,
    last_error      varchar(1000),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT uq_mail_outbox_message_id UNIQUE (message_id),
    CONSTRAINT fk_mail_outbox_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_mail_outbox_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_mail_outbox_sent_at CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT ck_mail_outbox_body CHECK ((status = 'SENT') = (text_body IS NULL)),
    CONSTRAINT ck_mail_outbox_bodies CHECK ((text_body IS NULL) = (html_body IS NULL))
);

CREATE INDEX ix_mail_outbox_tenant ON mail_outbox (tenant_id, created_at);
CREATE INDEX ix_mail_outbox_created_at ON mail_outbox (created_at);
CREATE INDEX ix_mail_outbox_sent_at ON mail_outbox (sent_at);
