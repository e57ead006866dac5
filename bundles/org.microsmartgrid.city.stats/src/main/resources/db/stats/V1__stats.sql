-- The city's statistics (bundle org.microsmartgrid.city.stats), in the registry's database with their own Flyway
-- history (flyway_stats_history). Hours are epoch ms of the hour's start (UTC hours are Italian hours).

-- energy through each building's grid connection per hour, from its meter's counters (docs/statistics.md)
CREATE TABLE stats_energy_hour (
    module      VARCHAR(200) NOT NULL,
    hour_start  BIGINT NOT NULL,
    import_wh   DOUBLE PRECISION NOT NULL,
    export_wh   DOUBLE PRECISION NOT NULL,
    covered_ms  BIGINT NOT NULL,
    PRIMARY KEY (module, hour_start)
);

-- the last counter reading taken into account per module: where the next interval starts after a restart
CREATE TABLE stats_counter_last (
    module      VARCHAR(200) PRIMARY KEY,
    at_ms       BIGINT NOT NULL,
    import_wh   DOUBLE PRECISION NOT NULL,
    export_wh   DOUBLE PRECISION NOT NULL
);

-- readings left out, by rule and hour: shown to the municipality, never silently dropped
CREATE TABLE stats_bad_data (
    module      VARCHAR(200) NOT NULL,
    rule        VARCHAR(32) NOT NULL,
    hour_start  BIGINT NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (module, rule, hour_start)
);

-- closed charging sessions per point and hour they ended, with the point's dimensions as they were then
CREATE TABLE stats_session_hour (
    location_id    VARCHAR(36) NOT NULL,
    hour_start     BIGINT NOT NULL,
    area           VARCHAR(32) NOT NULL,
    operator_type  VARCHAR(32) NOT NULL,
    vehicle_class  VARCHAR(64) NOT NULL,
    sessions       INTEGER NOT NULL,
    energy_wh      DOUBLE PRECISION NOT NULL,
    solar_wh       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (location_id, hour_start)
);
CREATE INDEX stats_session_hour_by_hour ON stats_session_hour (hour_start);
CREATE INDEX stats_energy_hour_by_hour ON stats_energy_hour (hour_start);
