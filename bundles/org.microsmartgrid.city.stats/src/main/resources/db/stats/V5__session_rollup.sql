-- The second level of the sessions' aggregation (docs/statistics.md "Aggregazione a due livelli"), written in the same
-- transaction as stats_session_hour, so that a dashboard query over a year reads months, not 11 million hours.
-- V6 fills them from the hourly rows already stored.

-- Per point and Italian calendar month (month_start: epoch ms of 00:00 Europe/Rome on the 1st), with the point's
-- dimensions as its hourly rows have them; hours_mask: bit h set when the point had sessions ending in UTC hour h of
-- the day, so that the points per hour of day stay exact (one point counted once however many months it is in).
CREATE TABLE stats_session_month (
    location_id    VARCHAR(36) NOT NULL,
    month_start    BIGINT NOT NULL,
    area           VARCHAR(32) NOT NULL,
    district       VARCHAR(100) NOT NULL,
    operator_type  VARCHAR(32) NOT NULL,
    vehicle_class  VARCHAR(64) NOT NULL,
    sessions       BIGINT NOT NULL,
    energy_wh      DOUBLE PRECISION NOT NULL,
    solar_wh       DOUBLE PRECISION NOT NULL,
    hours_mask     INTEGER NOT NULL,
    PRIMARY KEY (location_id, month_start, area, district, operator_type, vehicle_class)
);
CREATE INDEX stats_session_month_by_month ON stats_session_month (month_start);

-- The whole city per hour: the sums by hour of day and by day for any period (8,760 rows a year).
CREATE TABLE stats_session_city_hour (
    hour_start  BIGINT PRIMARY KEY,
    sessions    BIGINT NOT NULL,
    energy_wh   DOUBLE PRECISION NOT NULL,
    solar_wh    DOUBLE PRECISION NOT NULL
);

-- Distinct points with sessions per UTC day (day_number = hour_start / 86400000, the key of by=day).
CREATE TABLE stats_session_day (
    day_number  BIGINT PRIMARY KEY,
    points      INTEGER NOT NULL
);
