-- Claim codes a module made itself (docs/people.md, "Claiming a module"): the city's ingest knows which module
-- publishes which hash (BIRTH / APPS metric claim_hash); a code that claimed a point is spent here for good, even when
-- the module publishes its hash again in its next BIRTH. Who claimed is in point_owner and the audit log, not here.
CREATE TABLE module_code_spent (
    code_hash  CHAR(64)     PRIMARY KEY,
    account    VARCHAR(64)  NOT NULL,
    client_id  VARCHAR(128) NOT NULL,
    spent_at   BIGINT       NOT NULL
);
