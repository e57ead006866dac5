-- The third level of the sessions' aggregation (docs/statistics.md "Aggregazione a tre livelli"), written in the same
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
