-- The roles of chat messages, as "= ANY (ARRAY[...])" rather than "IN (...)" (see V2__tenant_checks.sql and
-- docs/adr/0003).
ALTER TABLE chat_message ADD CONSTRAINT ck_chat_message_role CHECK (role = ANY (ARRAY['USER', 'ASSISTANT', 'TOOL']));
