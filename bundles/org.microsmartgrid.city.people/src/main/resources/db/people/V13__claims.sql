-- Claiming a module-backed point (docs/people.md): one-time codes an operator issues for a module (the installer
-- puts it in the module's box), stored only as SHA-256; and who owns which point.
CREATE TABLE claim_code (
    code_hash   CHAR(64)    PRIMARY KEY,
    location_id VARCHAR(36) NOT NULL,
    created     BIGINT      NOT NULL,
    expires     BIGINT      NOT NULL,
    used_by     VARCHAR(36),             -- account id, once used (then never again)
    used_at     BIGINT
);

CREATE TABLE point_owner (
    location_id VARCHAR(36) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    since       BIGINT      NOT NULL
);
CREATE INDEX point_owner_account ON point_owner(account_id);
