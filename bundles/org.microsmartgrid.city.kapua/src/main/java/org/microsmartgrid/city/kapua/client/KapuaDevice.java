package org.microsmartgrid.city.kapua.client;

import java.time.Instant;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What the city takes from one of Kapua's devices ({@code GET /v1/{scopeId}/devices?fetchAttributes=connection
 * &fetchAttributes=lastEvent}).
 *
 * @param clientId           the module's MQTT client id
 * @param displayName        from its BIRTH, or null
 * @param serialNumber       from its BIRTH, or null
 * @param firmwareVersion    from its BIRTH, or null
 * @param connection         CONNECTED, DISCONNECTED, MISSING, or NONE when it never connected
 * @param connectionChangedAt when the connection last changed (the connection's {@code modifiedOn}), or null
 * @param latitude           of its last BIRTH (the last event, when that is a BIRTH with a position), or null
 * @param longitude          idem
 * @param sockets            its sockets, from the BIRTH's extended properties (group MicroSmartGrid), or -1
 */
public record KapuaDevice(String clientId, String displayName, String serialNumber, String firmwareVersion,
                          Connection connection, Instant connectionChangedAt, Double latitude, Double longitude,
                          int sockets) {

    /** Kapua's connection states, plus NONE for a device created but never connected. */
    public enum Connection { CONNECTED, DISCONNECTED, MISSING, NULL, NONE }

    /** Reads one item of a device list; a device without a client id is refused. */
    public static KapuaDevice of(JsonObject d) {
        String clientId = text(d, "clientId");
        if (clientId == null) throw new IllegalArgumentException("a Kapua device without clientId");
        Connection c = Connection.NONE;
        Instant changed = null;
        if (d.has("connection") && d.get("connection").isJsonObject()) {
            JsonObject conn = d.getAsJsonObject("connection");
            String s = text(conn, "status");
            c = connection(s);
            String at = text(conn, "modifiedOn");
            if (at == null) at = text(conn, "createdOn");
            changed = at == null ? null : Instant.parse(at);
        }
        Double lat = null;
        Double lon = null;
        if (d.has("lastEvent") && d.get("lastEvent").isJsonObject()) {
            JsonObject e = d.getAsJsonObject("lastEvent");
            if ("BIRTH".equals(text(e, "resource")) && e.has("position") && e.get("position").isJsonObject()) {
                JsonObject p = e.getAsJsonObject("position");
                if (p.has("latitude") && p.has("longitude")) {
                    lat = p.get("latitude").getAsDouble();
                    lon = p.get("longitude").getAsDouble();
                    if (lat == 0 && lon == 0) lat = lon = null; // Kapua's "no position"
                }
            }
        }
        return new KapuaDevice(clientId, text(d, "displayName"), text(d, "serialNumber"), text(d, "firmwareVersion"),
                c, changed, lat, lon, sockets(d));
    }

    /** A status this client does not know (a newer Kapua) is read as NONE: that device is left as it is. */
    private static Connection connection(String s) {
        try {
            return s == null ? Connection.NONE : Connection.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Connection.NONE;
        }
    }

    private static int sockets(JsonObject d) {
        if (!d.has("extendedProperties") || !d.get("extendedProperties").isJsonArray()) return -1;
        JsonArray props = d.getAsJsonArray("extendedProperties");
        for (JsonElement p : props) {
            JsonObject o = p.getAsJsonObject();
            if ("MicroSmartGrid".equals(text(o, "groupName")) && "sockets".equals(text(o, "name"))) {
                try {
                    int n = Integer.parseInt(text(o, "value"));
                    return n >= 0 && n <= 64 ? n : -1;
                } catch (RuntimeException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Devices of a scope, with their connection and last event, page by page. */
    public static java.util.List<KapuaDevice> list(KapuaClient kapua, String scopeId, int pageSize)
            throws KapuaException {
        java.util.List<KapuaDevice> out = new java.util.ArrayList<>();
        for (JsonObject d : kapua.list(KapuaClient.seg(scopeId) + "/devices",
                Map.of("fetchAttributes", java.util.List.of("connection", "lastEvent")), pageSize))
            if (d.has("clientId") && !d.get("clientId").isJsonNull()) out.add(of(d)); // one odd device never blocks the rest
        return out;
    }
}
