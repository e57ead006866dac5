package org.microsmartgrid.charging.config;

import java.lang.annotation.Annotation;

/** Builds {@link ChargingConfig} values the way DS does, with the defaults unless changed. */
public final class Configs {

    public String databasePath = "${msg.data}/sessions";
    public String defaultMode = "NOW";
    public double plugDetectW = 20;
    public int unplugAfterS = 120;
    public String[] tariff = {"F1=0.30", "F2=0.25", "F3=0.20"};
    public String[] tokens = {};
    public int stopHoldS = 600;
    public int retentionDays = 400;
    public String[] fleet = {};

    public ChargingConfig build() {
        Configs c = this;
        return new ChargingConfig() {
            public Class<? extends Annotation> annotationType() {
                return ChargingConfig.class;
            }

            public String database_path() {
                return c.databasePath;
            }

            public String default_mode() {
                return c.defaultMode;
            }

            public double plug_detect_w() {
                return c.plugDetectW;
            }

            public int unplug_after_s() {
                return c.unplugAfterS;
            }

            public String[] tariff_eur_kwh() {
                return c.tariff;
            }

            public String[] authorized_tokens() {
                return c.tokens;
            }

            public int stop_hold_s() {
                return c.stopHoldS;
            }

            public int retention_days() {
                return c.retentionDays;
            }

            public String[] fleet_vehicles() {
                return c.fleet;
            }
        };
    }
}
