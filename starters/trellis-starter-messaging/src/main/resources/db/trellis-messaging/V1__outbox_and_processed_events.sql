-- Trellis messaging starter: applied by its own Flyway instance with the history table
-- trellis_messaging_schema_history, so these versions never meet the service's own.

-- Events appended in the service's transactions, published by the relay in id order per key.
CREATE TABLE outbox_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID          NOT NULL UNIQUE,
    topic       VARCHAR(249)  NOT NULL,
    event_key   VARCHAR(255)  NOT NULL,
    event_type  VARCHAR(255)  NOT NULL,
    source      VARCHAR(255)  NOT NULL,
    subject     VARCHAR(255),
    occurred_at TIMESTAMPTZ   NOT NULL,
    data        TEXT          NOT NULL,
    -- W3C trace context of the appending transaction, when a tracer was present.
    traceparent VARCHAR(55),
    sent_at     TIMESTAMPTZ
);

-- The relay reads only unsent rows: keep that scan small however large the table grows.
CREATE INDEX outbox_events_unsent ON outbox_events (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_events_sent_at ON outbox_events (sent_at) WHERE sent_at IS NOT NULL;

-- Events each consumer (group) has applied, recorded in the transaction of their effect.
CREATE TABLE processed_events (
    consumer     VARCHAR(255) NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
