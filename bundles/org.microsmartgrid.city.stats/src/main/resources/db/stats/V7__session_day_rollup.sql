-- The third level of the sessions' aggregation (docs/statistics.md "Aggregazione a più livelli"), written in the same
-- transaction as stats_session_hour and stats_session_month, so that a period cutting months (the dashboard's "last
-- 30 days") reads whole days at its edges, not hours. V8 fills it from the hourly rows already stored.

-- Per point and Italian calendar day (day_start: epoch ms of 00:00 Europe/Rome), with the point's dimensions as its
-- hourly rows have them; hours_mask as in stats_session_month (bit h: sessions ending in UTC hour h of the day).
CREATE TABLE stats_session_point_day (
    location_id    VARCHAR(36) NOT NULL,
    day_start      BIGINT NOT NULL,
    area           VARCHAR(32) NOT NULL,
    district       VARCHAR(100) NOT NULL,
    operator_type  VARCHAR(32) NOT NULL,
    vehicle_class  VARCHAR(64) NOT NULL,
    sessions       BIGINT NOT NULL,
    energy_wh      DOUBLE PRECISION NOT NULL,
    solar_wh       DOUBLE PRECISION NOT NULL,
    hours_mask     INTEGER NOT NULL,
    PRIMARY KEY (location_id, day_start, area, district, operator_type, vehicle_class)
);
CREATE INDEX stats_session_point_day_by_day ON stats_session_point_day (day_start);

-- Availability and unmet demand per district (docs/statistics.md "Disponibilità", "Domanda non soddisfatta"): the
-- point's district as configured when its hour was first stored, as for the sessions (V4). Hours stored before this
-- version never had one: they say so.
ALTER TABLE stats_availability_hour ADD COLUMN district VARCHAR(100) DEFAULT 'non assegnato / unassigned' NOT NULL;

-- Map searches per district of their origin and hour, next to the grid cells (a cell may straddle a boundary, so the
-- districts are counted from the origin, not from the cell). No position, no person.
CREATE TABLE stats_search_district_hour (
    district    VARCHAR(100) NOT NULL,
    hour_start  BIGINT NOT NULL,
    searches    INTEGER NOT NULL,
    unmet       INTEGER NOT NULL,
    PRIMARY KEY (district, hour_start)
);
CREATE INDEX stats_search_district_hour_by_hour ON stats_search_district_hour (hour_start);
