-- Stock per SKU, and the reservations orders hold on it.
CREATE TABLE stock (
    -- Same format and collation as the catalog's SKUs.
    sku       varchar(11) COLLATE "C" PRIMARY KEY
              CONSTRAINT stock_sku_format CHECK (sku ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$'),
    -- Units free to reserve. The service only ever takes units with a conditional
    -- UPDATE (... WHERE available >= quantity); the check is the last line of defence
    -- against overselling should any other statement try.
    available integer NOT NULL
              CONSTRAINT stock_available_not_negative CHECK (available >= 0),
    -- Units held by reservations that have not been released.
    reserved  integer NOT NULL DEFAULT 0
              CONSTRAINT stock_reserved_not_negative CHECK (reserved >= 0)
);

-- One reservation per order: the primary key is what makes reserving idempotent, as two
-- concurrent requests for the same order cannot both insert their row.
CREATE TABLE reservations (
    order_id    uuid PRIMARY KEY,
    status      varchar(8) NOT NULL
                CONSTRAINT reservations_status CHECK (status IN ('RESERVED', 'RELEASED')),
    created_at  timestamp with time zone NOT NULL DEFAULT now(),
    released_at timestamp with time zone,
    CONSTRAINT reservations_released_at CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))
);

-- The lines of a reservation as the client sent them, in their order.
CREATE TABLE reservation_lines (
    order_id  uuid NOT NULL REFERENCES reservations (order_id) ON DELETE CASCADE,
    line_no   integer NOT NULL,
    sku       varchar(11) COLLATE "C" NOT NULL REFERENCES stock (sku),
    quantity  integer NOT NULL
              CONSTRAINT reservation_lines_quantity_positive CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);
