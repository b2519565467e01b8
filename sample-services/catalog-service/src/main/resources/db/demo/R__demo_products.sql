-- Demo catalog of the Trellis sample shop. Only applied where spring.flyway.locations
-- includes classpath:db/demo (see config-repo/catalog-service.yml).
--
-- A repeatable migration, not a versioned one, so that it never takes a version number
-- the schema migrations in db/migration may need, and always runs after them. It runs
-- again whenever this file changes; ON CONFLICT keeps that from failing or from
-- overwriting products that already exist.
INSERT INTO products (sku, name, description, price, currency) VALUES
    ('TRL-BAG-001', 'Trellis Tote Bag', 'Heavy canvas tote with the Trellis vine print, 38 x 42 cm.', 9.90, 'EUR'),
    ('TRL-BTL-001', 'Insulated Water Bottle', 'Double-walled stainless steel bottle, 750 ml, keeps drinks cold for 24 hours.', 19.90, 'EUR'),
    ('TRL-CAP-001', 'Trellis Cap', 'Six-panel cotton twill cap with an embroidered logo and adjustable strap.', 18.00, 'EUR'),
    ('TRL-HOD-001', 'Trellis Hoodie', 'Brushed-back organic cotton hoodie in forest green, unisex fit.', 49.90, 'EUR'),
    ('TRL-MUG-001', 'Trellis Mug', 'Stoneware mug, 350 ml, dishwasher safe.', 12.50, 'EUR'),
    ('TRL-MUG-002', 'Trellis Travel Mug', 'Leak-proof travel mug with a ceramic lining, 400 ml.', 24.90, 'EUR'),
    ('TRL-NBK-001', 'Dotted Notebook A5', 'Lay-flat A5 notebook, 192 dotted pages of 100 g/m2 paper.', 8.50, 'EUR'),
    ('TRL-PEN-001', 'Trellis Gel Pen', 'Refillable 0.5 mm black gel pen with an aluminium barrel.', 3.20, 'EUR'),
    ('TRL-SCK-001', 'Trellis Socks', 'Combed cotton crew socks, one pair, sizes 39-46.', 11.00, 'EUR'),
    ('TRL-STK-001', 'Sticker Pack', 'Eight weatherproof vinyl stickers for laptops and bottles.', 4.00, 'EUR'),
    ('TRL-TEE-001', 'Trellis T-Shirt', 'Organic cotton T-shirt with the Trellis logo on the chest.', 22.00, 'EUR'),
    ('TRL-TEE-002', 'Trellis Long-Sleeve Shirt', 'Long-sleeve organic cotton shirt with a printed sleeve.', 29.00, 'EUR')
ON CONFLICT (sku) DO NOTHING;
