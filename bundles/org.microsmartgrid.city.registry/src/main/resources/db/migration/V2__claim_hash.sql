-- The latest claim hash each module published (BIRTH/APPS metric claim_hash, docs/people.md): kept here so that a
-- restarted city runtime still knows it while the modules stay connected to an external broker (Kapua's).
ALTER TABLE module ADD COLUMN claim_hash VARCHAR(64);
ALTER TABLE module ADD COLUMN claim_hash_at BIGINT;
CREATE INDEX module_claim_hash ON module (claim_hash);
