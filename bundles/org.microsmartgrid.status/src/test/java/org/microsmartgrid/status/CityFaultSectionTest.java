package org.microsmartgrid.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.cloud.CityFaultReports;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

class CityFaultSectionTest {

    @Test
    void eachReportShowsItsIdKindAndTimeNewestFirst() {
        CityFaultReports reports = () -> List.of(
                new CityFaultReports.Report("f-2", "BLOCKED", Instant.parse("2026-12-07T10:05:00Z")),
                new CityFaultReports.Report("f-1", "NO_POWER", Instant.parse("2026-12-07T09:00:00Z")));
        JsonArray json = CityFaultSection.toJson(reports).getAsJsonArray();
        assertEquals(2, json.size());
        JsonObject first = json.get(0).getAsJsonObject();
        assertEquals("f-2", first.get("faultId").getAsString());
        assertEquals("BLOCKED", first.get("kind").getAsString());
        assertEquals("2026-12-07T10:05:00Z", first.get("reported").getAsString());
        assertEquals(3, first.size(), "ids, kind and time only: nothing about who reported it");
    }

    @Test
    void withoutACloudLinkTheSectionIsNull() {
        assertTrue(CityFaultSection.toJson(null).isJsonNull());
        assertTrue(CityFaultSection.toJson(() -> { throw new IllegalStateException("stopping"); }).isJsonNull());
    }
}
