package org.microsmartgrid.city.ingest.internal;

/**
 * Where a topic goes (docs/cloud-telemetry.md): Kura's lifecycle topics and our msg/... data topics; anything else is
 * UNKNOWN.
 *
 * @param kind     what it carries
 * @param account  the topic's account
 * @param clientId the topic's client id
 * @param socket   the socket number of msg/sockets/{n}, else 0
 */
public record Route(Kind kind, String account, String clientId, int socket) {

    public enum Kind { BIRTH, APPS, DC, LWT, SITE, SOCKET, AVAILABILITY, SESSIONS, FAULT, UNKNOWN }

    private static final Route UNKNOWN = new Route(Kind.UNKNOWN, null, null, 0);

    public static Route of(String topic) {
        if (topic == null) return UNKNOWN;
        String[] p = topic.split("/", -1);
        for (String part : p) if (part.isEmpty() || part.contains("+") || part.contains("#")) return UNKNOWN;
        if (p.length == 5 && p[0].equals("$EDC") && p[3].equals("MQTT")) {
            Kind k = switch (p[4]) {
                case "BIRTH" -> Kind.BIRTH;
                case "APPS" -> Kind.APPS;
                case "DC" -> Kind.DC;
                case "LWT" -> Kind.LWT;
                default -> Kind.UNKNOWN;
            };
            return k == Kind.UNKNOWN ? UNKNOWN : new Route(k, p[1], p[2], 0);
        }
        if (p.length < 4 || p[0].startsWith("$") || !p[2].equals("msg")) return UNKNOWN;
        String resource = String.join("/", java.util.Arrays.copyOfRange(p, 3, p.length));
        switch (resource) {
            case "site": return new Route(Kind.SITE, p[0], p[1], 0);
            case "events/availability": return new Route(Kind.AVAILABILITY, p[0], p[1], 0);
            case "sessions": return new Route(Kind.SESSIONS, p[0], p[1], 0);
            case "events/fault": return new Route(Kind.FAULT, p[0], p[1], 0);
            default:
                if (p.length == 5 && p[3].equals("sockets")) {
                    try {
                        int n = Integer.parseInt(p[4]);
                        if (n >= 1 && n <= 64) return new Route(Kind.SOCKET, p[0], p[1], n);
                    } catch (NumberFormatException e) {
                        // not a socket number: unknown
                    }
                }
                return UNKNOWN;
        }
    }
}
