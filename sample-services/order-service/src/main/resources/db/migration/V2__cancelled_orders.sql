-- An order may be cancelled by its customer while PENDING or CONFIRMED (DELETE /orders/{id});
-- the inventory then releases its stock through the order.cancelled event.
ALTER TABLE orders DROP CONSTRAINT orders_status_known;
ALTER TABLE orders ADD CONSTRAINT orders_status_known
    CHECK (status IN ('CONFIRMED', 'PENDING', 'REJECTED', 'CANCELLED'));
