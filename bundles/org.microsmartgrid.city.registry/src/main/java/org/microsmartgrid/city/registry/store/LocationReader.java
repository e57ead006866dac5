package org.microsmartgrid.city.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;

/** Reads whole locations (with module, EVSEs and connectors) in four queries per chunk of ids. */
final class LocationReader {

    private static final int CHUNK = 500;

    List<Location> read(Connection c, String where, String param, int offset, int limit) throws SQLException {
        return readWhere(c, where, param == null ? List.of() : List.of(param), offset, limit);
    }

    /** @param params the values of the {@code ?} in {@code where}, in order (strings and longs) */
    List<Location> readWhere(Connection c, String where, List<Object> params, int offset, int limit) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        String sql = "SELECT * FROM location l " + where + " ORDER BY l.id LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) ps.setObject(i++, p);
            ps.setLong(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.put(rs.getString("id"), new Row(rs));
            }
        }
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = "(" + "?,".repeat(chunk.size() - 1) + "?)";
            Map<String, List<Connector>> connectors = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM connector WHERE location_id IN " + in
                    + " ORDER BY location_id, socket, connector_id")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) connectors.computeIfAbsent(rs.getString("location_id") + "#" + rs.getInt("socket"),
                            k -> new ArrayList<>()).add(new Connector(rs.getInt("connector_id"), rs.getString("standard"),
                            rs.getString("format"), rs.getString("power_type"), rs.getInt("max_voltage"),
                            rs.getInt("max_amperage"), rs.getInt("max_power_w")));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM evse WHERE location_id IN " + in
                    + " ORDER BY location_id, socket")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString("location_id");
                        int socket = rs.getInt("socket");
                        rows.get(id).evses.add(new Evse(socket, EvseStatus.parse(rs.getString("status")),
                                rs.getLong("status_at"), Rows.dbl(rs, "power_w"),
                                connectors.getOrDefault(id + "#" + socket, List.of())));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM module WHERE location_id IN " + in)) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.get(rs.getString("location_id")).module = new ModuleState(
                            rs.getString("account"), rs.getString("client_id"), rs.getString("serial_number"),
                            rs.getString("firmware_version"), rs.getBoolean("online"), rs.getLong("last_heard"));
                }
            }
        }
        List<Location> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) out.add(r.location());
        return out;
    }

    private static void bind(PreparedStatement ps, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) ps.setString(i + 1, ids.get(i));
    }

    /** One location row while its EVSEs and module are being attached. */
    private static final class Row {
        final String id, name, address, city, operatorType, vehicles, facilities, openingHours, priceText;
        final Double lat, lon;
        final boolean monitored, free;
        final long lastUpdated;
        final List<Evse> evses = new ArrayList<>();
        ModuleState module;

        Row(ResultSet rs) throws SQLException {
            id = rs.getString("id");
            name = rs.getString("name");
            address = rs.getString("address");
            city = rs.getString("city");
            lat = Rows.dbl(rs, "latitude");
            lon = Rows.dbl(rs, "longitude");
            operatorType = rs.getString("operator_type");
            monitored = rs.getBoolean("monitored");
            vehicles = rs.getString("vehicle_classes");
            facilities = rs.getString("facilities");
            openingHours = rs.getString("opening_hours");
            free = rs.getBoolean("free_of_charge");
            priceText = rs.getString("price_text");
            lastUpdated = rs.getLong("last_updated");
        }

        Location location() {
            return new Location(id, name, address, city, lat, lon, OperatorType.valueOf(operatorType), monitored,
                    Sets.vehicles(vehicles), Sets.strings(facilities), openingHours, free, priceText, lastUpdated,
                    module, evses);
        }
    }
}
