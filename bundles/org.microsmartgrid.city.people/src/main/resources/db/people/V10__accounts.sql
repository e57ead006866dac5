-- People and power (issue 10): accounts, sessions and one-time tokens. Portable SQL (H2 and PostgreSQL): times as
-- epoch ms, sets as comma-separated text. Secrets (session ids, tokens) are stored only as SHA-256 hex digests.
CREATE TABLE account (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    display_name  VARCHAR(60)  NOT NULL,
    password_hash VARCHAR(200),            -- null until a password is set (staff created by the bootstrap list)
    roles         VARCHAR(200) NOT NULL,
    verified      BOOLEAN      NOT NULL,
    created       BIGINT       NOT NULL
);

CREATE TABLE web_session (
    token_hash  CHAR(64)    PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    kind        VARCHAR(10) NOT NULL,      -- COOKIE (page, needs the CSRF token) or BEARER (apps)
    csrf_token  VARCHAR(64) NOT NULL,
    created     BIGINT      NOT NULL,
    last_used   BIGINT      NOT NULL,
    expires     BIGINT      NOT NULL
);
CREATE INDEX web_session_account ON web_session(account_id);

CREATE TABLE one_time_token (
    token_hash  CHAR(64)    PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    purpose     VARCHAR(10) NOT NULL,      -- VERIFY or RESET
    expires     BIGINT      NOT NULL
);
CREATE INDEX one_time_token_account ON one_time_token(account_id);
