package org.microsmartgrid.status;

import org.microsmartgrid.api.site.SiteReader;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeterSectionTest {
    static final Instant POLL = Instant.parse("2025-03-01T10:15:30.250Z");
    static final Instant ENERGY_AT = Instant.parse("2025-03-01T10:15:00Z");

    static MeterReading gridReading() {
        return new MeterReading("grid", MeterRole.GRID, 0, Quality.GOOD, POLL, Map.of(
                Channel.IMPORT_ENERGY, new Sample(123456.5, ENERGY_AT),
                Channel.ACTIVE_POWER, new Sample(2875.25, POLL),
                Channel.POWER_FACTOR, new Sample(0.97, POLL)), null);
    }

    @Test
    void aReadingShowsEveryChannelWithItsUnitAndItsOwnCaptureTime() {
        JsonObject json = MeterSection.toJson(gridReading());

        assertEquals("grid", json.get("id").getAsString());
        assertEquals("GRID", json.get("role").getAsString());
        assertEquals(0, json.get("socket").getAsInt());
        assertEquals("GOOD", json.get("quality").getAsString());
        assertEquals("2025-03-01T10:15:30.250Z", json.get("assessedAt").getAsString());
        assertTrue(json.get("error").isJsonNull(), "error is present and null for a good reading");

        JsonObject values = json.getAsJsonObject("values");
        assertEquals(List.of("ACTIVE_POWER", "POWER_FACTOR", "IMPORT_ENERGY"), new ArrayList<>(values.keySet()),
                "channels in the API's order, power first");
        JsonObject power = values.getAsJsonObject("ACTIVE_POWER");
        assertEquals(2875.25, power.get("value").getAsDouble());
        assertEquals("W", power.get("unit").getAsString());
        assertEquals("2025-03-01T10:15:30.250Z", power.get("at").getAsString());
        JsonObject energy = values.getAsJsonObject("IMPORT_ENERGY");
        assertEquals("Wh", energy.get("unit").getAsString());
        assertEquals("2025-03-01T10:15:00Z", energy.get("at").getAsString(), "each value keeps its own time");
        assertEquals("", values.getAsJsonObject("POWER_FACTOR").get("unit").getAsString());
    }

    @Test
    void aFailedMeterShowsItsErrorAndItsLastGoodValues() {
        MeterReading failed = new MeterReading("socket3", MeterRole.SOCKET, 3, Quality.FAILED, POLL,
                Map.of(Channel.ACTIVE_POWER, new Sample(80, ENERGY_AT)), "timeout after 3 retries");

        JsonObject json = MeterSection.toJson(failed);

        assertEquals("FAILED", json.get("quality").getAsString());
        assertEquals(3, json.get("socket").getAsInt());
        assertEquals("SOCKET", json.get("role").getAsString());
        assertEquals("timeout after 3 retries", json.get("error").getAsString());
        assertEquals(80, json.getAsJsonObject("values").getAsJsonObject("ACTIVE_POWER").get("value").getAsDouble());
    }

    @Test
    void metersAreOrderedByIdAndOneThatDisappearsWhileReadIsReportedNotFatal() {
        Meter pv = new Fakes.FakeMeter(MeterReading.none("pv", MeterRole.PV, 0, POLL));
        Meter grid = new Fakes.FakeMeter(gridReading());
        Meter gone = new Fakes.GoneMeter("battery");

        JsonArray json = MeterSection.fromReadings(List.of(pv, gone, grid).stream().map(m -> SiteReader.reading(m, POLL)).toList());

        assertEquals(3, json.size());
        assertEquals("battery", json.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("grid", json.get(1).getAsJsonObject().get("id").getAsString());
        assertEquals("pv", json.get(2).getAsJsonObject().get("id").getAsString());
        JsonObject battery = json.get(0).getAsJsonObject();
        assertEquals("FAILED", battery.get("quality").getAsString());
        assertTrue(battery.get("error").getAsString().contains("unavailable"));
        assertEquals("no reading yet", json.get(2).getAsJsonObject().get("error").getAsString());
    }
}
