-- The registry (DESIGN.md §9): Location → EVSE → Connector, the modules that report live status, and the session
-- records they send (no driver identity). Portable SQL: the same schema runs on H2 and on PostgreSQL. Times are
-- epoch milliseconds (BIGINT), as the modules capture them.

CREATE TABLE location (
    id              VARCHAR(36)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    address         VARCHAR(200),
    city            VARCHAR(45),
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    operator_type   VARCHAR(32)  NOT NULL,
    monitored       BOOLEAN      NOT NULL,
    public_point    BOOLEAN      NOT NULL,
    vehicle_classes VARCHAR(200) NOT NULL,
    facilities      VARCHAR(400) NOT NULL,
    opening_hours   VARCHAR(200),
    free_of_charge  BOOLEAN      NOT NULL,
    price_text      VARCHAR(200),
    last_updated    BIGINT       NOT NULL
);

CREATE TABLE module (
    account          VARCHAR(64)  NOT NULL,
    client_id        VARCHAR(128) NOT NULL,
    location_id      VARCHAR(36)  NOT NULL REFERENCES location (id),
    display_name     VARCHAR(200),
    serial_number    VARCHAR(128),
    firmware_version VARCHAR(64),
    online           BOOLEAN      NOT NULL,
    birth_at         BIGINT       NOT NULL,
    offline_at       BIGINT,
    last_heard       BIGINT       NOT NULL,
    PRIMARY KEY (account, client_id)
);

CREATE TABLE evse (
    location_id VARCHAR(36) NOT NULL REFERENCES location (id),
    socket      INTEGER     NOT NULL,
    status      VARCHAR(16) NOT NULL,
    status_at   BIGINT      NOT NULL,
    power_w     DOUBLE PRECISION,
    PRIMARY KEY (location_id, socket)
);

CREATE TABLE connector (
    location_id  VARCHAR(36) NOT NULL,
    socket       INTEGER     NOT NULL,
    connector_id INTEGER     NOT NULL,
    standard     VARCHAR(32) NOT NULL,
    format       VARCHAR(8)  NOT NULL,
    power_type   VARCHAR(16) NOT NULL,
    max_voltage  INTEGER     NOT NULL,
    max_amperage INTEGER     NOT NULL,
    max_power_w  INTEGER     NOT NULL,
    PRIMARY KEY (location_id, socket, connector_id),
    FOREIGN KEY (location_id, socket) REFERENCES evse (location_id, socket)
);

CREATE TABLE charging_session (
    location_id VARCHAR(36) NOT NULL REFERENCES location (id),
    session_id  VARCHAR(64) NOT NULL,
    socket      INTEGER     NOT NULL,
    mode        VARCHAR(32),
    state       VARCHAR(8)  NOT NULL,
    started     BIGINT,
    ended       BIGINT,
    energy_wh   DOUBLE PRECISION,
    solar_wh    DOUBLE PRECISION,
    cost_eur    DOUBLE PRECISION,
    end_reason  VARCHAR(64),
    started_by  VARCHAR(16),
    PRIMARY KEY (location_id, session_id)
);

CREATE INDEX location_position ON location (latitude, longitude);
