package org.microsmartgrid.city.ocpi.mapping;

import java.util.Set;

/** OCPI 2.2.1's closed lists (mod_locations, "Data types") that our stored values must belong to before we publish them. */
final class OcpiValues {

    private OcpiValues() {
    }

    /** ConnectorType enum. */
    static final Set<String> CONNECTOR_TYPES = Set.of("CHADEMO", "CHAOJI", "DOMESTIC_A", "DOMESTIC_B", "DOMESTIC_C",
            "DOMESTIC_D", "DOMESTIC_E", "DOMESTIC_F", "DOMESTIC_G", "DOMESTIC_H", "DOMESTIC_I", "DOMESTIC_J",
            "DOMESTIC_K", "DOMESTIC_L", "DOMESTIC_M", "DOMESTIC_N", "DOMESTIC_O", "GBT_AC", "GBT_DC",
            "IEC_60309_2_single_16", "IEC_60309_2_three_16", "IEC_60309_2_three_32", "IEC_60309_2_three_64",
            "IEC_62196_T1", "IEC_62196_T1_COMBO", "IEC_62196_T2", "IEC_62196_T2_COMBO", "IEC_62196_T3A",
            "IEC_62196_T3C", "NEMA_5_20", "NEMA_6_30", "NEMA_6_50", "NEMA_10_30", "NEMA_10_50", "NEMA_14_30",
            "NEMA_14_50", "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN", "TESLA_R", "TESLA_S");

    /** ConnectorFormat enum. */
    static final Set<String> CONNECTOR_FORMATS = Set.of("SOCKET", "CABLE");

    /** PowerType enum. */
    static final Set<String> POWER_TYPES = Set.of("AC_1_PHASE", "AC_2_PHASE", "AC_2_PHASE_SPLIT", "AC_3_PHASE", "DC");

    /** Facility enum. */
    static final Set<String> FACILITIES = Set.of("HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT",
            "RECREATION_AREA", "NATURE", "MUSEUM", "BIKE_SHARING", "BUS_STOP", "TAXI_STAND", "TRAM_STOP",
            "METRO_STATION", "TRAIN_STATION", "AIRPORT", "PARKING_LOT", "CARPOOL_PARKING", "FUEL_STATION", "WIFI");
}
