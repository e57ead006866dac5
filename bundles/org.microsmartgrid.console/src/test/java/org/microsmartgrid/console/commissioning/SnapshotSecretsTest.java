package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the configuration snapshot leaves out: anything that would let its reader in somewhere. */
class SnapshotSecretsTest {

    @Test
    void passwordsKeysTokenHashesAndInstallerHashesAreLeftOut() {
        assertTrue(ModuleFacts.secret("org.microsmartgrid.cloud.kapua.CloudLink", "password"));
        assertTrue(ModuleFacts.secret("org.microsmartgrid.cloud.kapua.CloudLink", "tls.truststore.password"));
        assertTrue(ModuleFacts.secret("org.microsmartgrid.coap.CoapBuildingService", "psk.identities"));
        assertTrue(ModuleFacts.secret("org.microsmartgrid.charging.ChargingSessionsService", "authorized.tokens"));
        assertTrue(ModuleFacts.secret("org.microsmartgrid.console.InstallerAuthentication", "users"));
    }

    @Test
    void whatAnInstallerMustKeepStays() {
        assertFalse(ModuleFacts.secret("org.microsmartgrid.grid.balancer.Balancer", "contract.power.w"));
        assertFalse(ModuleFacts.secret("org.microsmartgrid.relay.gpio.GpioRelay.x", "active.low"));
        assertFalse(ModuleFacts.secret("org.microsmartgrid.meter.modbus.ModbusMeter.y", "invert.power"));
    }
}
