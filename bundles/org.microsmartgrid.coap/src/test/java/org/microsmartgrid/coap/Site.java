package org.microsmartgrid.coap;

import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.coap.config.CoapConfig;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A small site behind a running CoAP component (as DS would activate it): a grid meter at 1200 W, PV at 800 W,
 * socket 1 charging at 150 W, socket 2 idle, the loop's last decision, and a SiteControl that records calls.
 */
final class Site implements AutoCloseable {

    static final String RW_ID = "bms-1";
    static final byte[] RW_KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    static final String RO_ID = "dashboard";
    static final byte[] RO_KEY = "read-only-key-16".getBytes();
    static final String RW_ENTRY = RW_ID + ":0x" + HexFormat.of().formatHex(RW_KEY) + ":rw";
    static final String RO_ENTRY = RO_ID + ":" + Base64.getEncoder().encodeToString(RO_KEY) + ":ro";

    final Fakes.FakeMeter grid = new Fakes.FakeMeter("grid", MeterRole.GRID, 0, 1200, null);
    final Fakes.FakeMeter pv = new Fakes.FakeMeter("pv", MeterRole.PV, 0, 800, null);
    final Fakes.FakeMeter socket1 = new Fakes.FakeMeter("s1", MeterRole.SOCKET, 1, 150, 1000.0);
    final Fakes.FakeMeter socket2 = new Fakes.FakeMeter("s2", MeterRole.SOCKET, 2, 0, 500.0);
    final Fakes.FakeRelay relay1 = new Fakes.FakeRelay(1, true);
    final Fakes.FakeRelay relay2 = new Fakes.FakeRelay(2, false);
    final Fakes.FakeLoop loop = new Fakes.FakeLoop(Fakes.decision(1200, 3300, false, 1, 2));
    final Fakes.RecordingSiteControl control = new Fakes.RecordingSiteControl();
    final CoapBuildingService service = new CoapBuildingService(Clock.fixed(Fakes.NOW, ZoneOffset.UTC));
    final Clients clients = new Clients();

    Site(CoapConfig config) {
        service.use(List.of(grid, pv, socket1, socket2), List.of(relay1, relay2), loop, null, control);
        service.activate(config);
    }

    /** With both keys configured, default limits. */
    static Site withKeys(Object... more) {
        Object[] kv = new Object[more.length + 2];
        kv[0] = "psk.identities";
        kv[1] = new String[]{RW_ENTRY, RO_ENTRY};
        System.arraycopy(more, 0, kv, 2, more.length);
        return new Site(Configs.test(kv));
    }

    InetSocketAddress plain() {
        return service.endpoints().plainAddress();
    }

    InetSocketAddress secure() {
        return service.endpoints().secureAddress();
    }

    @Override
    public void close() {
        clients.close();
        service.deactivate();
    }
}
