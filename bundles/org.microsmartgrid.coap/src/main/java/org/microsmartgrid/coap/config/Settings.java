package org.microsmartgrid.coap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated settings: every bad value is refused with a message naming the property, so the component does not start
 * with it.
 *
 * @param psk       identity → entry, in configuration order
 * @param capFloorW the lowest power cap a write may set
 * @param baseName  the prefix of every SenML base name: the module's identity, e.g. "urn:dev:mac:0024befffe804ff1:"
 */
public record Settings(InetAddress bindAddress, int coapPort, int coapsPort, Map<String, PskEntry> psk,
                       double ratePerSecond, int burst, int observeMaxAgeS, double deadbandW, double capFloorW,
                       String baseName) {

    /** RFC 8428 §4.5.1 name characters, starting with a letter or digit; ours must end with a separator. */
    private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-:./_]{0,62}[:/]");

    /** A numeric IP literal (IPv4 dotted quad, or IPv6 with a colon): the bind address must not need DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    public Settings {
        psk = Map.copyOf(psk);
    }

    public static Settings from(CoapConfig c) {
        InetAddress bind = address(c.bind_address());
        int port = port("coap.port", c.coap_port());
        int securePort = port("coaps.port", c.coaps_port());
        if (port != 0 && port == securePort)
            throw new IllegalArgumentException("coap.port and coaps.port must differ, both are " + port);
        Map<String, PskEntry> psk = new LinkedHashMap<>();
        String[] entries = c.psk_identities() == null ? new String[0] : c.psk_identities();
        for (int i = 0; i < entries.length; i++) {
            PskEntry e = PskEntry.parse(entries[i], i);
            if (psk.putIfAbsent(e.identity(), e) != null)
                throw new IllegalArgumentException("psk.identities: identity " + e.identity() + " appears twice");
        }
        double rate = c.rate_limit_per_s();
        if (!(rate >= 0.01 && rate <= 10_000)) throw new IllegalArgumentException("rate.limit.per.s must be 0.01..10000, got " + rate);
        int burst = c.rate_burst();
        if (burst < 1 || burst > 100_000) throw new IllegalArgumentException("rate.burst must be 1..100000, got " + burst);
        int maxAge = c.observe_max_age_s();
        if (maxAge < 2 || maxAge > 86_400)
            throw new IllegalArgumentException("observe.max.age.s must be 2..86400, got " + maxAge);
        double deadband = c.deadband_w();
        if (!(deadband >= 0 && deadband <= 100_000))
            throw new IllegalArgumentException("deadband.w must be 0..100000, got " + deadband);
        double floor = c.cap_floor_w();
        if (!(floor >= 0 && floor <= 1_000_000))
            throw new IllegalArgumentException("cap.floor.w must be 0..1000000, got " + floor);
        String baseName = c.senml_base_name() == null ? "" : c.senml_base_name().trim();
        if (baseName.isEmpty()) baseName = DeviceUrn.ofThisMachine();
        else if (!BASE_NAME.matcher(baseName).matches())
            throw new IllegalArgumentException("senml.base.name must be 2-64 of A-Z a-z 0-9 - : . / _, start with a "
                    + "letter or digit and end with : or /, e.g. urn:dev:mac:0024befffe804ff1: ; got '" + baseName + "'");
        return new Settings(bind, port, securePort, psk, rate, burst, maxAge, deadband, floor, baseName);
    }

    /** Whether an identity may change state. */
    public boolean writable(String identity) {
        PskEntry e = identity == null ? null : psk.get(identity);
        return e != null && e.writable();
    }

    private static int port(String name, int port) {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException(name + " must be 0..65535, got " + port);
        return port;
    }

    private static InetAddress address(String text) {
        String t = text == null ? "" : text.trim();
        if (!IP_LITERAL.matcher(t).matches())
            throw new IllegalArgumentException("bind.address must be an IP address (e.g. 192.168.1.20 or 0.0.0.0), got '" + t + "'");
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind.address is not a valid IP address: '" + t + "'");
        }
    }
}
