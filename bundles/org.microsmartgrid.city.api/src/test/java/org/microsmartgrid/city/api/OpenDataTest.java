package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

class OpenDataTest {

    private static Location point(String id, OperatorType type, String name, boolean online) {
        return new Location(id, name, "Via Larga 12, interno 3", "Milano", 45.46, 9.19, type, true,
                Set.of(VehicleClass.EBIKE), Set.of(), null, true, null, 1_700_000_000_000L,
                new ModuleState("milano", "AA:BB", "SN-SECRET", "0.1.0", online, 1_700_000_000_000L),
                List.of(new Evse(1, EvseStatus.AVAILABLE, 1_700_000_000_000L, 0.0, List.of(Connector.schuko()))));
    }

    @Test
    void aPrivateProvidersNameAndAddressNeverAppear() throws Exception {
        Location home = point("p1", OperatorType.PRIVATE_INDIVIDUAL, "Mario Rossi", true);
        Map<String, Object> view = PublicView.of(home);
        assertEquals(PublicView.PRIVATE_NAME, view.get("name"));
        assertNull(view.get("address"));
        StringWriter csv = new StringWriter();
        OpenData.csv(List.of(home), csv);
        String geo = new com.google.gson.Gson().toJson(OpenData.geoJson(List.of(home)));
        for (String leak : List.of("Mario Rossi", "Via Larga", "SN-SECRET", "AA:BB")) {
            assertFalse(csv.toString().contains(leak), leak + " in CSV");
            assertFalse(geo.contains(leak), leak + " in GeoJSON");
            assertFalse(view.toString().contains(leak), leak + " in JSON");
        }
    }

    @Test
    void anOfflineModulesSocketsAreUnknownToThePublic() {
        Map<String, Object> view = PublicView.of(point("p2", OperatorType.BUSINESS, "Bar", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> evse = ((List<Map<String, Object>>) view.get("evses")).get(0);
        assertEquals("UNKNOWN", evse.get("status"));
    }

    @Test
    void geoJsonPutsLongitudeFirstAndCsvQuotesWhatNeedsQuoting() throws Exception {
        Location l = point("p3", OperatorType.BUSINESS, "Caffè \"Il Portico\", cortile; <b>1</b>", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) OpenData.geoJson(List.of(l)).get("features")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> geometry = (Map<String, Object>) f.get("geometry");
        assertEquals(List.of(9.19, 45.46), geometry.get("coordinates"));
        StringWriter out = new StringWriter();
        OpenData.csv(List.of(l), out);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(1, rows.size());
        assertEquals("Caffè \"Il Portico\", cortile; <b>1</b>", rows.get(0).get("name"), "read back as written");
        assertEquals("1", rows.get(0).get("sockets_available"));
    }

    @Test
    void unknownRepeatedAndOutOfRangeParametersAreRefused() {
        assertThrows(Problem.Raised.class, () -> new Params(Map.of("near", new String[] {"1"}), Set.of("limit")));
        assertThrows(Problem.Raised.class, () -> new Params(Map.of("limit", new String[] {"1", "2"}), Set.of("limit")));
        Params p = new Params(Map.of("limit", new String[] {"501"}), Set.of("limit"));
        Problem.Raised r = assertThrows(Problem.Raised.class, () -> p.integer("limit", 50, 1, 500));
        assertEquals(400, r.problem.status());
        assertTrue(r.problem.detail().contains("500"));
        assertEquals(7, new Params(Map.of("limit", new String[] {"7"}), Set.of("limit")).integer("limit", 50, 1, 500));
    }
}
