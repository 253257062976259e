-- The roles of chat messages (H2 spells this check differently: see docs/adr/0003).
ALTER TABLE chat_message ADD CONSTRAINT ck_chat_message_role CHECK (role IN ('USER', 'ASSISTANT', 'TOOL'));
