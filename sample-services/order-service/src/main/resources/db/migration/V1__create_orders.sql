-- Orders, one row per order; their lines in order_lines.
CREATE TABLE orders (
    id          uuid PRIMARY KEY,
    -- The "sub" of the token that placed the order: only that caller may read it.
    customer    varchar(255)  NOT NULL,
    status      varchar(16)   NOT NULL
                CONSTRAINT orders_status_known CHECK (status IN ('CONFIRMED', 'PENDING', 'REJECTED')),
    -- Exact decimal: money is never a floating point number.
    total       numeric(14,2) NOT NULL
                CONSTRAINT orders_total_not_negative CHECK (total >= 0),
    currency    char(3)       NOT NULL
                CONSTRAINT orders_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    -- Why an order was rejected or is pending; null for a confirmed order.
    reason      text,
    created_at  timestamptz   NOT NULL
);

-- A caller's orders, newest first (GET /orders).
CREATE INDEX orders_customer_created_at ON orders (customer, created_at DESC, id);

CREATE TABLE order_lines (
    order_id     uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- Position of the line in the order, as the client sent it.
    line_no      integer       NOT NULL,
    sku          varchar(11)   NOT NULL
                 CONSTRAINT order_lines_sku_format CHECK (sku ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$'),
    quantity     integer       NOT NULL
                 CONSTRAINT order_lines_quantity_positive CHECK (quantity > 0),
    unit_price   numeric(12,2) NOT NULL
                 CONSTRAINT order_lines_unit_price_not_negative CHECK (unit_price >= 0),
    -- LIVE: read from the catalog for this order; LAST_KNOWN: the catalog was unavailable.
    price_source varchar(10)   NOT NULL
                 CONSTRAINT order_lines_price_source_known CHECK (price_source IN ('LIVE', 'LAST_KNOWN')),
    PRIMARY KEY (order_id, line_no)
);

-- Idempotency keys of POST /orders: a key names one order of one caller. Written in the
-- same transaction as its order; the primary key makes a concurrent duplicate fail
-- instead of creating a second order.
CREATE TABLE idempotency_keys (
    customer        varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    -- SHA-256 (hex) of the canonical request body: the same key with another body is a
    -- conflict, not a replay.
    request_hash    char(64)     NOT NULL,
    order_id        uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (customer, idempotency_key)
);

-- The last price the catalog gave for each SKU, updated on every live read: the price
-- used while the catalog is unavailable. Kept in the database so that it survives a
-- restart.
CREATE TABLE last_known_prices (
    sku        varchar(11)   PRIMARY KEY,
    price      numeric(12,2) NOT NULL
               CONSTRAINT last_known_prices_price_not_negative CHECK (price >= 0),
    currency   char(3)       NOT NULL,
    seen_at    timestamptz   NOT NULL
);
