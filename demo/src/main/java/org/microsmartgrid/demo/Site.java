package org.microsmartgrid.demo;

import java.util.List;

/**
 * A public site of Municipio 1 with its module and its simulated building: what differs from site to site (PV,
 * loads, contract power, sockets) so the map shows a varied network rather than six copies of one demo.
 *
 * @param clientId  the module's MQTT client id on the city's broker (also its broker user name)
 * @param name      the name on the map
 * @param latitude  WGS84, checked against OpenStreetMap (docs/demo.md)
 * @param pvPeakW   rooftop PV at 1000 W/m², W (0: none)
 * @param baseW     the building's load that never stops, W
 * @param peakW     its daily peak on top of the base, W
 * @param contractW the supply contract (non-domestic: public bodies), W
 * @param seed      the simulator's seed: clouds and load noise differ from site to site
 * @param sockets   the sockets, in order (socket 1 first)
 */
record Site(String clientId, String name, double latitude, double longitude, double pvPeakW, double baseW,
            double peakW, int contractW, double cloudiness, long seed, List<SocketKind> sockets) {

    /** What a socket is for: which vehicles come, how the balancer ranks it, what its charger may draw. */
    enum SocketKind {
        EBIKE("EBIKE", "PUBLIC", "NOW", 300),
        SCOOTER("SCOOTER", "PUBLIC", "NOW", 150),
        MOBILITY_AID("WHEELCHAIR", "MOBILITY_AID", "NOW", 300),
        MOPED("MOPED", "PUBLIC", "NOW", 800),
        // a car on a Schuko socket: charged on the sun or in cheap hours, 8 kWh by 18:00
        CAR("CAR", "PRIVATE", "SOLAR_AND_CHEAP,8000,18:00", 2300);

        /** the simulator's vehicle class (org.microsmartgrid.simulator VehicleClass) */
        final String vehicle;
        /** the balancer's priority class */
        final String priority;
        /** the balancer's socket mode */
        final String mode;
        /** the socket's rating for the balancer, W */
        final int ratingW;

        SocketKind(String vehicle, String priority, String mode, int ratingW) {
            this.vehicle = vehicle;
            this.priority = priority;
            this.mode = mode;
            this.ratingW = ratingW;
        }
    }
}
