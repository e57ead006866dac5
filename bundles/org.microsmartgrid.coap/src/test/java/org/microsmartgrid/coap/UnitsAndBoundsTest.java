package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20, item 1 and 6: SenML units in a cap are honoured (W, kW; s, ms, min, h) or refused with 4.00 naming the
 * unit; a cap below the floor and a duration outside 1..86400 s are refused; an unknown path gets 4.04 with a reason.
 * Over DTLS with Californium's client, as a building system would send them.
 */
class UnitsAndBoundsTest {

    private static final int SENML_JSON = MediaTypeRegistry.APPLICATION_SENML_JSON;
    private final Site site = Site.withKeys("cap.floor.w", 1500.0);

    @AfterEach
    void close() {
        site.close();
    }

    private CoapResponse cap(String senml) throws Exception {
        CoapClient rw = site.clients.dtls(site.secure(), "/site/cap", Site.RW_ID, Site.RW_KEY);
        return rw.put(senml, SENML_JSON);
    }

    @Test
    void theIssuesCapInKilowattsForFifteenMinutesIsThreeKilowattsForFifteenMinutes() throws Exception {
        CoapResponse r = cap("[{\"n\":\"limit\",\"u\":\"kW\",\"v\":3},{\"n\":\"duration\",\"u\":\"min\",\"v\":15}]");
        assertEquals(ResponseCode.CHANGED, r.getCode(), r.getResponseText());
        assertEquals(List.of("capPower 3000.0 2026-11-25T17:15:00Z coap:bms-1"), site.control.calls);
        var answer = Senml.json(r.getPayload());
        assertEquals(3000.0, Senml.named(answer, "n", "limit").get("v"), "the answer shows the cap in W");
        assertEquals("W", Senml.named(answer, "n", "limit").get("u"));
    }

    @Test
    void hoursSecondsMillisecondsAndTheBaseUnit() throws Exception {
        assertEquals(ResponseCode.CHANGED, cap("[{\"n\":\"limit\",\"v\":2500},{\"n\":\"duration\",\"u\":\"h\",\"v\":1}]").getCode());
        assertEquals(ResponseCode.CHANGED, cap("[{\"n\":\"limit\",\"u\":\"W\",\"v\":2000},{\"n\":\"duration\",\"u\":\"s\",\"v\":900}]").getCode());
        assertEquals(ResponseCode.CHANGED, cap("[{\"bu\":\"kW\",\"n\":\"limit\",\"v\":4.5},{\"n\":\"duration\",\"u\":\"ms\",\"v\":60000}]").getCode());
        assertEquals(List.of("capPower 2500.0 2026-11-25T18:00:00Z coap:bms-1",
                "capPower 2000.0 2026-11-25T17:15:00Z coap:bms-1",
                "capPower 4500.0 2026-11-25T17:01:00Z coap:bms-1"), site.control.calls);
    }

    @Test
    void unitsWeCannotConvertAre400NamingTheUnitAndChangeNothing() throws Exception {
        for (String[] bad : List.of(
                new String[]{"[{\"n\":\"limit\",\"u\":\"MW\",\"v\":3},{\"n\":\"duration\",\"v\":900}]", "\"MW\""},
                new String[]{"[{\"n\":\"limit\",\"u\":\"Wh\",\"v\":3000},{\"n\":\"duration\",\"v\":900}]", "\"Wh\""},
                new String[]{"[{\"n\":\"limit\",\"u\":\"%\",\"v\":50},{\"n\":\"duration\",\"v\":900}]", "\"%\""},
                new String[]{"[{\"n\":\"limit\",\"v\":3000},{\"n\":\"duration\",\"u\":\"d\",\"v\":1}]", "\"d\""},
                new String[]{"[{\"n\":\"limit\",\"v\":3000},{\"n\":\"duration\",\"u\":\"W\",\"v\":900}]", "\"W\""},
                new String[]{"[{\"n\":\"limit\",\"v\":3000},{\"n\":\"until\",\"u\":\"min\",\"v\":1.7961E9}]", "\"min\""})) {
            CoapResponse r = cap(bad[0]);
            assertEquals(ResponseCode.BAD_REQUEST, r.getCode(), bad[0] + " -> " + r.getResponseText());
            assertTrue(r.getResponseText().contains("unit " + bad[1]), r.getResponseText());
        }
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void aCapBelowTheFloorIsRefusedNotAppliedAsThreeWatts() throws Exception {
        CoapResponse r = cap("[{\"n\":\"limit\",\"u\":\"W\",\"v\":3},{\"n\":\"duration\",\"u\":\"s\",\"v\":900}]");
        assertEquals(ResponseCode.BAD_REQUEST, r.getCode());
        assertTrue(r.getResponseText().contains("floor of 1500.0 W (cap.floor.w)"), r.getResponseText());
        assertEquals(ResponseCode.BAD_REQUEST, cap("[{\"n\":\"limit\",\"u\":\"kW\",\"v\":1.4},{\"n\":\"duration\",\"v\":60}]").getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void aDurationOutsideOneSecondToOneDayIsRefused() throws Exception {
        for (String duration : List.of("{\"n\":\"duration\",\"u\":\"s\",\"v\":0.5}", "{\"n\":\"duration\",\"u\":\"ms\",\"v\":999}",
                "{\"n\":\"duration\",\"u\":\"h\",\"v\":24.01}", "{\"n\":\"duration\",\"v\":0}")) {
            CoapResponse r = cap("[{\"n\":\"limit\",\"v\":3000}," + duration + "]");
            assertEquals(ResponseCode.BAD_REQUEST, r.getCode(), duration);
            assertTrue(r.getResponseText().contains("duration"), r.getResponseText());
        }
        assertEquals(ResponseCode.CHANGED, cap("[{\"n\":\"limit\",\"v\":3000},{\"n\":\"duration\",\"v\":1}]").getCode());
        assertEquals(ResponseCode.CHANGED, cap("[{\"n\":\"limit\",\"v\":3000},{\"n\":\"duration\",\"u\":\"h\",\"v\":24}]").getCode());
        assertEquals(2, site.control.calls.size());
    }

    @Test
    void enabledTakesNoUnit() throws Exception {
        CoapClient rw = site.clients.dtls(site.secure(), "/sockets/1/enabled", Site.RW_ID, Site.RW_KEY);
        CoapResponse r = rw.put("[{\"n\":\"enabled\",\"u\":\"W\",\"vb\":false}]", SENML_JSON);
        assertEquals(ResponseCode.BAD_REQUEST, r.getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void anUnknownPathIs404WithAReason() throws Exception {
        for (String path : List.of("/nope", "/sockets/9", "/sockets/1/power")) {
            CoapResponse r = site.clients.plain(site.plain(), path).get();
            assertEquals(ResponseCode.NOT_FOUND, r.getCode(), path);
            assertEquals("no resource " + path + ": the resources are listed at /.well-known/core", r.getResponseText());
        }
    }
}
