-- Chat: the conversations of visitors with a tenant's assistant, their messages in order, and usage sums (such as the
-- tokens a tenant used today) shared by every instance. Written once for PostgreSQL and H2 (docs/adr/0005); V10 of
-- each vendor's folder holds the enumerated check on the message role. Column sizes are the domain's limits, which the
-- persistence tests compare.

-- A conversation goes with its tenant. message_count is how many messages it holds; an append writes the next message
-- under sequence message_count + 1 and moves message_count on only where it is still what the append read, so of
-- concurrent appends each gets a sequence of its own. last_message_at never moves back. The tenant's conversations are
-- listed, most recent message first and ties by id, in the order of ix_conversation_tenant_last_message (H2 is told
-- to use it: it would pick the index it makes for the foreign key and sort).
CREATE TABLE conversation (
    id              uuid                     NOT NULL,
    tenant_id       uuid                     NOT NULL,
    visitor_id      varchar(64)              NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    last_message_at timestamp with time zone NOT NULL,
    message_count   integer                  NOT NULL,
    CONSTRAINT pk_conversation PRIMARY KEY (id),
    CONSTRAINT fk_conversation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT ck_conversation_message_count CHECK (message_count >= 0)
);

CREATE INDEX ix_conversation_tenant_last_message ON conversation (tenant_id, last_message_at DESC, id);

-- The messages of a conversation, numbered 1, 2, ... in the order they were appended (seq), which is the order they
-- are read in, whatever their instants: messages stamped at the same instant keep their order. A message goes with
-- its conversation, and so with its tenant, whose id it repeats for the queries to name. The newest messages are read
-- backwards through the primary key.
CREATE TABLE chat_message (
    conversation_id uuid                     NOT NULL,
    seq             integer                  NOT NULL,
    tenant_id       uuid                     NOT NULL,
    role            varchar(16)              NOT NULL,
    content         varchar(20000)           NOT NULL,
    at              timestamp with time zone NOT NULL,
    tokens          integer                  NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (conversation_id, seq),
    CONSTRAINT fk_chat_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_chat_message_seq CHECK (seq >= 1),
    CONSTRAINT ck_chat_message_tokens CHECK (tokens >= 0)
);

-- Usage sums under keys of the caller's choosing (counter_key, as in attempt_counter: KEY is reserved in H2). A sum is
-- forgotten at the expiry its first addition set; an addition to an expired sum starts it over. Expired sums are
-- purged through ix_usage_counter_expires_at.
CREATE TABLE usage_counter (
    counter_key varchar(300)             NOT NULL,
    amount      bigint                   NOT NULL,
    expires_at  timestamp with time zone NOT NULL,
    CONSTRAINT pk_usage_counter PRIMARY KEY (counter_key),
    CONSTRAINT ck_usage_counter_amount CHECK (amount >= 0)
);

CREATE INDEX ix_usage_counter_expires_at ON usage_counter (expires_at);
