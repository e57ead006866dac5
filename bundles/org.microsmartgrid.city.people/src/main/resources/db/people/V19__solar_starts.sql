-- Sessions a driver started from the city's map (CITY-V1 EXEC start): the module knows only "city"; this table is the
-- one place that pairs the driver with the module's session id. Personal data: in the account's export, deleted with
-- it. points stays NULL until the module reports the session CLOSED; then the points earned (0 or more), set once.
CREATE TABLE solar_start (
    module_account VARCHAR(64)  NOT NULL,
    client_id      VARCHAR(64)  NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    account_id     VARCHAR(36)  NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    point_id       VARCHAR(36)  NOT NULL,
    socket         INT          NOT NULL,
    mode           VARCHAR(20)  NOT NULL,
    started        BIGINT       NOT NULL,
    solar_wh       DOUBLE PRECISION,
    points         INT,
    closed         BIGINT,
    PRIMARY KEY (module_account, client_id, session_id)
);
CREATE INDEX solar_start_account ON solar_start(account_id);
