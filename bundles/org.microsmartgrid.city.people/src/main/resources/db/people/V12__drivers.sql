-- What drivers tell about points: check-ins, reviews (and reports of them), fault reports, favourites.
-- author_id becomes NULL when the author deletes the account: the anonymous statistic stays.
CREATE TABLE checkin (
    id         VARCHAR(36) PRIMARY KEY,
    point_id   VARCHAR(36) NOT NULL,
    author_id  VARCHAR(36) REFERENCES account(id) ON DELETE SET NULL,
    outcome    VARCHAR(10) NOT NULL,   -- CHARGED or FAILED
    reason     VARCHAR(20),            -- why it failed
    comment    VARCHAR(500),
    at         BIGINT      NOT NULL
);
CREATE INDEX checkin_point ON checkin(point_id);
CREATE INDEX checkin_author ON checkin(author_id);

CREATE TABLE review (
    id         VARCHAR(36) PRIMARY KEY,
    point_id   VARCHAR(36) NOT NULL,
    author_id  VARCHAR(36) REFERENCES account(id) ON DELETE SET NULL,
    rating     INT         NOT NULL,
    comment    VARCHAR(1000),
    status     VARCHAR(10) NOT NULL,   -- PUBLISHED, HELD, REMOVED
    at         BIGINT      NOT NULL
);
CREATE INDEX review_point ON review(point_id);
CREATE INDEX review_author ON review(author_id);

CREATE TABLE review_report (
    id          VARCHAR(36) PRIMARY KEY,
    review_id   VARCHAR(36) NOT NULL REFERENCES review(id) ON DELETE CASCADE,
    reporter_id VARCHAR(36) REFERENCES account(id) ON DELETE SET NULL,
    reason      VARCHAR(500) NOT NULL,
    open        BOOLEAN     NOT NULL,
    at          BIGINT      NOT NULL
);

CREATE TABLE fault_report (
    id          VARCHAR(36) PRIMARY KEY,
    point_id    VARCHAR(36) NOT NULL,
    author_id   VARCHAR(36) REFERENCES account(id) ON DELETE SET NULL,
    kind        VARCHAR(20) NOT NULL,
    description VARCHAR(1000),
    status      VARCHAR(10) NOT NULL,  -- OPEN, CONFIRMED, CLOSED
    at          BIGINT      NOT NULL
);
CREATE INDEX fault_point ON fault_report(point_id);

CREATE TABLE favourite (
    account_id VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    point_id   VARCHAR(36) NOT NULL,
    at         BIGINT      NOT NULL,
    PRIMARY KEY (account_id, point_id)
);
