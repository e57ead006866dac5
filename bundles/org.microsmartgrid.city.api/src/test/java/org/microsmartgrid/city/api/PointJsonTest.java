package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

/** A point's cached JSON is, at any answer time, the text Gson writes for its public view at that time. */
class PointJsonTest {

    private static final long T = 1_700_000_000_000L;

    private static Location point(OperatorType type, String name) {
        return new Location("P-1", name, "Via \"Larga\" 12", "Milano", 45.46, 9.19, type, true,
                Set.of(VehicleClass.EBIKE, VehicleClass.CAR), Set.of("CAFE"), "Mo-Su 07:00-22:00", false, "0,30 €/kWh",
                T, new ModuleState("milano", "AA:BB", "SN-SECRET", "0.1.0", true, T + 9_000),
                List.of(new Evse(1, EvseStatus.AVAILABLE, T + 1_000, 0.0, List.of(Connector.schuko())),
                        new Evse(2, EvseStatus.UNKNOWN, 0, null, List.of(Connector.schuko())),
                        new Evse(3, EvseStatus.CHARGING, T + 5_500, 0.0, List.of(Connector.schuko()))));
    }

    @Test
    void theCachedTextIsGsonsAtEveryAnswerTime() {
        // quotes, a control character, the very character that marks the holes, and an accent: all in strings
        Location l = point(OperatorType.BUSINESS, "Bar \"Ciò\"\u0001\t" + "\u0007 è");
        PointJson cached = PointJson.of(l);
        for (long now : new long[] {T, T + 5_499, T + 5_500, T + 61_000, T + 86_400_000L})
            assertEquals(Answers.GSON.toJson(PublicView.of(l, now)), cached.json(now), "at " + now);
    }

    @Test
    void aPrivateProvidersNameAndAddressStayOutOfTheCache() {
        String json = PointJson.of(point(OperatorType.PRIVATE_INDIVIDUAL, "Mario Rossi")).json(T + 60_000);
        for (String leak : List.of("Mario Rossi", "Larga", "SN-SECRET", "AA:BB"))
            assertFalse(json.contains(leak), leak + " in " + json);
    }
}
