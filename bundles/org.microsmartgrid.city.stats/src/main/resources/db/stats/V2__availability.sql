-- Each point's time per hour by what its sockets were (summed over the sockets), docs/statistics.md "Disponibilità".
CREATE TABLE stats_availability_hour (
    location_id      VARCHAR(36) NOT NULL,
    hour_start       BIGINT NOT NULL,
    free_ms          BIGINT NOT NULL,
    charging_ms      BIGINT NOT NULL,
    out_of_order_ms  BIGINT NOT NULL,
    offline_ms       BIGINT NOT NULL,
    PRIMARY KEY (location_id, hour_start)
);
CREATE INDEX stats_availability_hour_by_hour ON stats_availability_hour (hour_start);
