package org.microsmartgrid.coap.config;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module's SenML identity: RFC 9039's urn:dev:mac with an EUI-64 (a MAC-48 gets FFFE in the middle). */
class DeviceUrnTest {

    @Test
    void aMac48BecomesTheEui64OfRfc9039sExample() {
        assertEquals("urn:dev:mac:0024befffe804ff1:", DeviceUrn.of(HexFormat.of().parseHex("0024be804ff1")));
        assertEquals("urn:dev:mac:0024befffe804ff1:", DeviceUrn.of(HexFormat.of().parseHex("0024befffe804ff1")));
    }

    @Test
    void thisMachinesUrnIsAValidBaseName() {
        String urn = DeviceUrn.ofThisMachine();
        assertTrue(urn.matches("urn:dev:mac:([0-9a-f]{16}|unknown):"), urn);
    }
}
