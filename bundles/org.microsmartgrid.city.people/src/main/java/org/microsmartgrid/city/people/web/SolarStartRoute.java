package org.microsmartgrid.city.people.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.driver.SolarStarts;

/** {@code POST /points/{id}/sockets/{n}/start {mode}}: a driver starts charging from the map (docs/people.md). */
final class SolarStartRoute {

    private SolarStartRoute() {
    }

    static Route route(SolarStarts starts) {
        return Route.roles("POST", PeopleApi.V1 + "/points/{id}/sockets/{n}/start", EnumSet.of(Role.CITIZEN), c -> {
            int socket;
            try {
                socket = Integer.parseInt(c.param(1));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("n: un numero di presa / a socket number");
            }
            if (socket < 1 || socket > 64) throw ApiError.badRequest("n: da 1 a 64 / from 1 to 64");
            String mode = c.body(Set.of("mode")).string("mode");
            return Reply.created(view(starts.start(c.account(), c.param(0), socket, mode)));
        });
    }

    static List<Map<String, Object>> views(List<SolarStarts.Started> all) {
        return all.stream().map(SolarStartRoute::view).toList();
    }

    static Map<String, Object> view(SolarStarts.Started s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.sessionId());
        m.put("point_id", s.pointId());
        m.put("socket", s.socket());
        m.put("mode", s.mode());
        m.put("started", Views.time(s.started()));
        if (s.closed() != null) {
            m.put("closed", Views.time(s.closed()));
            m.put("solar_wh", s.solarWh());
            m.put("points", s.points());
        }
        return m;
    }
}
