package org.microsmartgrid.city.ocpi.mapping;

import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

/** Registry locations for the tests. */
final class Points {

    static final long T0 = 1_760_000_000_000L; // 2025-10-09T08:53:20Z
    static final Party PARTY = new Party("MSG", "Milano", "Comune di Milano");

    private Points() {
    }

    /** A module's point on a business, online, two Schuko sockets: 1 AVAILABLE, 2 CHARGING. */
    static Location shop(boolean online) {
        return new Location("2f1e7a4c-9b0d-4c3e-8a55-0d7b3c1e9f21", "Bar Roma", "Via Larga 12", "Milano", 45.4627331,
                9.1917402, OperatorType.BUSINESS, true, Set.of(VehicleClass.EBIKE, VehicleClass.SCOOTER),
                Set.of("CAFE", "WIFI", "SHADE"), "Mo-Fr 07:00-20:00; Sa 08:00-13:00", false, "0,30 €/kWh", T0,
                new ModuleState("milano", "AA:BB:CC", "SN-SECRET", "0.1.0", online, T0 + 90_000),
                List.of(new Evse(1, EvseStatus.AVAILABLE, T0 + 60_000, 0.0, List.of(Connector.schuko())),
                        new Evse(2, EvseStatus.CHARGING, T0 + 90_000, 250.0, List.of(Connector.schuko()))));
    }

    /** A private individual's socket, listed without a module, at a position rounded to 3 decimals by its provider. */
    static Location home() {
        return new Location("home-77", "Mario Rossi", null, null, 45.463, 9.192, OperatorType.PRIVATE_INDIVIDUAL,
                false, Set.of(VehicleClass.MOBILITY_AID), Set.of(), null, true, null, T0, null,
                List.of(new Evse(1, EvseStatus.UNKNOWN, T0, null, List.of(Connector.schuko()))));
    }
}
