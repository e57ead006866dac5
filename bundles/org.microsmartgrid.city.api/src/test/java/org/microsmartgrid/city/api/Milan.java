package org.microsmartgrid.city.api;

import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.VehicleClass;

/**
 * A few points around the Duomo, written into a registry the way ingest and the people's listings write them: two
 * modules (one with free sockets, one charging), a public car point, a private provider's home socket and a point far
 * out of town.
 */
final class Milan {

    static final double DUOMO_LAT = 45.4642;
    static final double DUOMO_LON = 9.1900;
    static final String ACCOUNT = "milano";
    static final String PRIVATE_NAME = "Mario Rossi";
    static final String PRIVATE_ADDRESS = "Via Larga 12, interno 3";
    static final long T0 = System.currentTimeMillis() - 60_000;

    final String barA;
    final String barB;
    final String carPark = "P-CAR-1";
    final String home = "P-HOME-1";
    final String farAway;

    Milan(Registry r) {
        barA = module(r, "bar-a", 45.4650, 9.1900, EvseStatus.AVAILABLE);
        barB = module(r, "bar-b", 45.4700, 9.1900, EvseStatus.CHARGING);
        farAway = module(r, "far", 45.5200, 9.3000, EvseStatus.AVAILABLE);
        r.putUnmonitored(new Location(carPark, "Parcheggio Comunale", "Piazza Diaz 1", "Milano", 45.4660, 9.1910,
                OperatorType.PUBLIC_BODY, false, Set.of(VehicleClass.CAR), Set.of("PARKING_LOT"), null, true, null,
                T0, null, List.of(new Evse(1, EvseStatus.UNKNOWN, 0, null,
                        List.of(new Connector(1, "IEC_62196_T2", "SOCKET", "AC_3_PHASE", 400, 32, 22_000))))));
        r.putUnmonitored(new Location(home, PRIVATE_NAME, PRIVATE_ADDRESS, "Milano", 45.4645, 9.1905,
                OperatorType.PRIVATE_INDIVIDUAL, false, Set.of(VehicleClass.EBIKE), Set.of(), "Mo-Fr 08:00-18:00",
                false, "0,30 €/kWh", T0, null, List.of(new Evse(1, EvseStatus.UNKNOWN, 0, null,
                        List.of(Connector.schuko())))));
    }

    /** A module born at a place with two sockets in one status; returns its point's id. */
    static String module(Registry r, String client, double lat, double lon, EvseStatus status) {
        r.moduleBirth(new ModuleBirth(ACCOUNT, client, "Bar " + client.replace('-', ' '), "SN-" + client, "0.1.0", lat, lon, 2, T0));
        for (int s = 1; s <= 2; s++) r.socketStatus(new SocketUpdate(ACCOUNT, client, s, status, 0.0, T0 + 1));
        return r.locationOfModule(ACCOUNT, client).orElseThrow().id();
    }

    static void status(Registry r, String client, int socket, EvseStatus status, long at) {
        r.socketStatus(new SocketUpdate(ACCOUNT, client, socket, status, 0.0, at));
    }
}
