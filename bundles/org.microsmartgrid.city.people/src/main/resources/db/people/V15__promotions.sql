-- Time-limited promotions businesses attach to their points ("-10 % on coffee while you charge").
CREATE TABLE promotion (
    id          VARCHAR(36)  PRIMARY KEY,
    point_id    VARCHAR(36)  NOT NULL,
    owner_id    VARCHAR(36)  REFERENCES account(id) ON DELETE CASCADE,
    text        VARCHAR(140) NOT NULL,
    valid_from  BIGINT       NOT NULL,
    valid_until BIGINT       NOT NULL,
    status      VARCHAR(10)  NOT NULL,   -- ACTIVE, WITHDRAWN, REMOVED
    created     BIGINT       NOT NULL
);
CREATE INDEX promotion_point ON promotion(point_id);
