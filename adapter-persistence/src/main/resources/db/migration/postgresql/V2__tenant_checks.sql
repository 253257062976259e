-- The enumerated values of the tenant table (H2 spells these checks differently: see docs/adr/0003).
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_status CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED'));
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_position CHECK (position IN ('BOTTOM_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_CENTER'));
