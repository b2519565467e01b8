-- Products of the catalog, keyed by SKU.
CREATE TABLE products (
    -- Collation "C" sorts SKUs byte by byte, as Java's String.compareTo does, whatever
    -- the locale the database was created with (which may ignore the hyphens).
    sku         varchar(11) COLLATE "C" PRIMARY KEY
                CONSTRAINT products_sku_format CHECK (sku ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$'),
    name        varchar(200)  NOT NULL,
    description text          NOT NULL,
    -- Exact decimal: money is never a floating point number.
    price       numeric(12,2) NOT NULL
                CONSTRAINT products_price_not_negative CHECK (price >= 0),
    -- ISO 4217 alphabetic code.
    currency    char(3)       NOT NULL
                CONSTRAINT products_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
