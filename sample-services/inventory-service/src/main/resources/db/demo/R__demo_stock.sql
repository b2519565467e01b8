-- Demo stock of the Trellis sample shop: 100 units of every SKU of the demo catalog
-- (catalog-service's db/demo). Only applied where spring.flyway.locations includes
-- classpath:db/demo (see config-repo/inventory-service.yml).
--
-- A repeatable migration, so that it never takes a version number the schema migrations
-- in db/migration may need, and always runs after them. It runs again whenever this file
-- changes; ON CONFLICT keeps it from failing, and from overwriting stock that orders and
-- stock takes have changed since.
INSERT INTO stock (sku, available, reserved) VALUES
    ('TRL-BAG-001', 100, 0),
    ('TRL-BTL-001', 100, 0),
    ('TRL-CAP-001', 100, 0),
    ('TRL-HOD-001', 100, 0),
    ('TRL-MUG-001', 100, 0),
    ('TRL-MUG-002', 100, 0),
    ('TRL-NBK-001', 100, 0),
    ('TRL-PEN-001', 100, 0),
    ('TRL-SCK-001', 100, 0),
    ('TRL-STK-001', 100, 0),
    ('TRL-TEE-001', 100, 0),
    ('TRL-TEE-002', 100, 0)
ON CONFLICT (sku) DO NOTHING;
