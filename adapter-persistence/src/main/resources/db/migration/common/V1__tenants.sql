-- Tenants: the businesses running an assistant, with their owner account, branding and assistant settings,
-- and the web origins each one allows to embed its widget.
-- Written once for PostgreSQL and H2; what only one of them needs lives in db/migration/postgresql or
-- db/migration/h2 (see docs/adr/0005). Column sizes are the limits the domain's value objects enforce, which
-- the persistence tests compare; the adapter translates violations of uq_tenant_client_key and
-- uq_tenant_owner_email by name. The checks on status and position are in V2 of each vendor's folder.

CREATE TABLE tenant (
    id                   uuid                     NOT NULL,
    client_key           varchar(63)              NOT NULL,
    owner_email          varchar(254)             NOT NULL,
    password_hash        varchar(100)             NOT NULL,
    display_name         varchar(100)             NOT NULL,
    status               varchar(16)              NOT NULL,
    title                varchar(100)             NOT NULL,
    button_emoji         varchar(16)              NOT NULL,
    logo_url             varchar(2048),
    first_message        varchar(500)             NOT NULL,
    font                 varchar(60)              NOT NULL,
    primary_color        varchar(7)               NOT NULL,
    text_color           varchar(7)               NOT NULL,
    position             varchar(16)              NOT NULL,
    system_prompt        varchar(8000)            NOT NULL,
    model                varchar(100)             NOT NULL,
    -- ISO 639-1 code, for example 'de'.
    language             varchar(8)               NOT NULL,
    appointments_enabled boolean                  NOT NULL,
    -- IANA zone id, for example 'Europe/Berlin'.
    time_zone            varchar(64)              NOT NULL,
    created_at           timestamp with time zone NOT NULL,
    updated_at           timestamp with time zone NOT NULL,
    CONSTRAINT pk_tenant PRIMARY KEY (id),
    CONSTRAINT uq_tenant_client_key UNIQUE (client_key),
    CONSTRAINT uq_tenant_owner_email UNIQUE (owner_email)
);

-- The origins a tenant allows, in the order its owner listed them (position 0 first).
CREATE TABLE tenant_allowed_origin (
    tenant_id uuid         NOT NULL,
    position  integer      NOT NULL,
    origin    varchar(300) NOT NULL,
    CONSTRAINT pk_tenant_allowed_origin PRIMARY KEY (tenant_id, position),
    CONSTRAINT uq_tenant_allowed_origin UNIQUE (tenant_id, origin),
    CONSTRAINT fk_tenant_allowed_origin_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_tenant_allowed_origin_position CHECK (position >= 0)
);
