-- Photos of listed points: only the re-encoded JPEG is stored (the upload, its metadata and GPS position never are).
CREATE TABLE photo (
    id          VARCHAR(36) PRIMARY KEY,
    listing_id  VARCHAR(36) NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
    owner_id    VARCHAR(36) REFERENCES account(id) ON DELETE CASCADE,
    status      VARCHAR(10) NOT NULL,   -- PENDING, APPROVED, REJECTED
    width       INT         NOT NULL,
    height      INT         NOT NULL,
    jpeg        BLOB        NOT NULL,
    created     BIGINT      NOT NULL
);
CREATE INDEX photo_listing ON photo(listing_id);
