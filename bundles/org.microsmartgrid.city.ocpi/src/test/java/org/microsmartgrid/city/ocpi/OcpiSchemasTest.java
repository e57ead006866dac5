package org.microsmartgrid.city.ocpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The schemas are only worth something if they refuse what OCPI refuses: a valid example, and broken copies of it. */
class OcpiSchemasTest {

    /** The shape of the spec's own location_example.json (mod_locations, "Example public charging location"). */
    static final String VALID = """
            {"country_code":"BE","party_id":"BEC","id":"LOC1","publish":true,"name":"Gent Zuid",
             "address":"F.Rooseveltlaan 3A","city":"Gent","postal_code":"9000","country":"BEL",
             "coordinates":{"latitude":"51.047599","longitude":"3.729944"},"parking_type":"ON_STREET",
             "evses":[{"uid":"3256","evse_id":"BE*BEC*E041503001","status":"AVAILABLE",
               "capabilities":["RESERVABLE"],"connectors":[{"id":"1","standard":"IEC_62196_T2","format":"CABLE",
               "power_type":"AC_3_PHASE","max_voltage":220,"max_amperage":16,"tariff_ids":["11"],
               "last_updated":"2015-03-16T10:10:02Z"}],"physical_reference":"1","floor_level":"-1",
               "last_updated":"2015-06-28T08:12:01Z"}],
             "operator":{"name":"BeCharged"},"time_zone":"Europe/Brussels",
             "opening_times":{"twentyfourseven":false,"regular_hours":[{"weekday":1,"period_begin":"08:00","period_end":"20:00"}]},
             "last_updated":"2015-06-29T20:39:09Z"}""";

    @Test
    void theSpecsExampleIsValid() {
        assertEquals(List.of(), OcpiSchemas.locations("Location", VALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"latitude\":\"51.047599\"|\"latitude\":\"51.0475\"",            // 4 decimals
            "\"latitude\":\"51.047599\"|\"latitude\":51.047599",              // a number, not a string
            "\"longitude\":\"3.729944\"|\"longitude\":\"3.72994412\"",        // 8 decimals
            "\"status\":\"AVAILABLE\"|\"status\":\"FREE\"",                    // not a Status
            "\"standard\":\"IEC_62196_T2\"|\"standard\":\"SCHUKO\"",          // not a ConnectorType
            "\"format\":\"CABLE\"|\"format\":\"PLUG\"",
            "\"power_type\":\"AC_3_PHASE\"|\"power_type\":\"AC\"",
            "\"country\":\"BEL\"|\"country\":\"BE\"",
            "\"party_id\":\"BEC\"|\"party_id\":\"BECH\"",
            "\"time_zone\":\"Europe/Brussels\",|",                             // a required field missing
            "\"publish\":true,|\"publish\":true,\"vehicle_classes\":[\"EBIKE\"],", // an unknown field
            "\"last_updated\":\"2015-06-29T20:39:09Z\"}|\"last_updated\":\"2015-06-29T20:39:09+00:00\"}",
            "\"address\":\"F.Rooseveltlaan 3A\"|\"address\":\"F.Rooseveltlaan 3A, a very long address of more than 45\"",
            "\"name\":\"Gent Zuid\"|\"name\":\"Gent\\nZuid\"",                 // a line break
            "\"period_begin\":\"08:00\"|\"period_begin\":\"8:00\"",
            "\"twentyfourseven\":false,|\"twentyfourseven\":true,",           // regular hours only when not 24/7
            "\"connectors\":[{|\"connectors\":[],\"x\":[{",                  // no connector (and an unknown field)
    })
    void brokenCopiesAreRefused(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String broken = VALID.replace(fromTo[0], fromTo[1]);
        assertFalse(broken.equals(VALID), "the edit applies: " + fromTo[0]);
        assertFalse(OcpiSchemas.locations("Location", broken).isEmpty(), "refused: " + edit);
    }

    @Test
    void theEnvelopeNeedsAStatusCodeAndATimestamp() {
        assertEquals(List.of(), OcpiSchemas.transport("Envelope",
                "{\"data\":[],\"status_code\":1000,\"timestamp\":\"2015-06-30T21:59:59Z\"}"));
        assertFalse(OcpiSchemas.transport("Envelope", "{\"data\":[],\"status_code\":1000}").isEmpty());
        assertFalse(OcpiSchemas.transport("Envelope",
                "{\"status_code\":200,\"timestamp\":\"2015-06-30T21:59:59Z\"}").isEmpty());
    }
}
