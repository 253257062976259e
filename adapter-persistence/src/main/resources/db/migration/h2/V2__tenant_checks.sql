-- The enumerated values of the tenant table, as "= ANY (ARRAY[...])" rather than "IN (...)": H2 2.4.240 evaluates
-- an IN check through the session that created it, so once Flyway's connection closed every insert would fail
-- (h2database issues 4302 and 4308; docs/adr/0003). Go back to IN once a fixed H2 is in use.
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_status CHECK (status = ANY (ARRAY['PENDING', 'ACTIVE', 'SUSPENDED']));
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_position CHECK (position = ANY (ARRAY['BOTTOM_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_CENTER']));
