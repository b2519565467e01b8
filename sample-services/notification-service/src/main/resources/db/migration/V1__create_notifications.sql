-- Messages sent to customers about their orders, one row per message.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    order_id    uuid         NOT NULL,
    -- Subject of the token that placed the order.
    customer    varchar(200) NOT NULL,
    -- What happened to the order: ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED.
    type        varchar(40)  NOT NULL,
    message     text         NOT NULL,
    created_at  timestamptz  NOT NULL
);

-- Notifications are read by order.
CREATE INDEX notifications_order_id ON notifications (order_id, created_at);
