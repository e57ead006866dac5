package org.microsmartgrid.demo;

import static org.microsmartgrid.demo.Site.SocketKind.CAR;
import static org.microsmartgrid.demo.Site.SocketKind.EBIKE;
import static org.microsmartgrid.demo.Site.SocketKind.MOBILITY_AID;
import static org.microsmartgrid.demo.Site.SocketKind.MOPED;
import static org.microsmartgrid.demo.Site.SocketKind.SCOOTER;

import java.util.List;

/**
 * The six public sites of Municipio 1 the demo runs, at their real coordinates (checked against OpenStreetMap, see
 * docs/demo.md), each with a building of its own: a city hall with offices, a library, a castle with museums, a
 * palace of exhibitions, a university, a museum.
 */
final class Sites {
    private Sites() {
    }

    static final List<Site> MUNICIPIO_1 = List.of(
            new Site("msg-palazzo-marino", "Palazzo Marino", 45.4674, 9.1900,
                    6_000, 3_000, 8_000, 30_000, 0.3, 101, List.of(EBIKE, SCOOTER, MOBILITY_AID, CAR)),
            new Site("msg-biblioteca-sormani", "Biblioteca Sormani", 45.4612, 9.1975,
                    10_000, 1_500, 4_000, 15_000, 0.2, 102, List.of(EBIKE, EBIKE, SCOOTER, MOBILITY_AID, MOPED)),
            new Site("msg-castello-sforzesco", "Castello Sforzesco", 45.4705, 9.1795,
                    2_000, 2_500, 6_000, 40_000, 0.4, 103, List.of(EBIKE, EBIKE, EBIKE, SCOOTER, SCOOTER, CAR)),
            new Site("msg-palazzo-reale", "Palazzo Reale", 45.4632, 9.1913,
                    4_000, 2_000, 5_000, 20_000, 0.3, 104, List.of(EBIKE, SCOOTER, MOBILITY_AID, MOBILITY_AID)),
            new Site("msg-universita-statale", "Università Statale", 45.4603, 9.1945,
                    20_000, 5_000, 15_000, 60_000, 0.25, 105, List.of(EBIKE, EBIKE, SCOOTER, SCOOTER, MOPED, CAR)),
            new Site("msg-museo-novecento", "Museo del Novecento", 45.4637, 9.1898,
                    3_000, 1_200, 3_500, 10_000, 0.35, 106, List.of(EBIKE, MOBILITY_AID, SCOOTER)));
}
