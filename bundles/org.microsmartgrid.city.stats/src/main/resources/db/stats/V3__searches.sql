-- Map searches and those that found nothing free within walking distance, per grid cell and hour: no position finer
-- than the cell, no person (docs/statistics.md "Domanda non soddisfatta").
CREATE TABLE stats_search_hour (
    area        VARCHAR(32) NOT NULL,
    hour_start  BIGINT NOT NULL,
    searches    INTEGER NOT NULL,
    unmet       INTEGER NOT NULL,
    PRIMARY KEY (area, hour_start)
);
CREATE INDEX stats_search_hour_by_hour ON stats_search_hour (hour_start);
