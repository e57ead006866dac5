package org.microsmartgrid.city.api;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;

/** Open data for the municipality: GeoJSON (RFC 7946) and CSV (RFC 4180) of every public point. */
final class OpenData {

    static final String GEOJSON = "application/geo+json";
    static final String CSV = "text/csv; charset=utf-8; header=present";
    static final String[] CSV_HEADER = {"id", "name", "address", "city", "latitude", "longitude", "operator_type",
            "monitored", "module_online", "vehicle_classes", "facilities", "opening_hours", "free_of_charge", "price",
            "sockets", "sockets_available", "last_updated"};

    private OpenData() {
    }

    /** A FeatureCollection of Points ([longitude, latitude], WGS 84), properties as the JSON API's. */
    static Map<String, Object> geoJson(List<Location> locations) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", locations.stream().filter(PublicView::isPublic).map(l -> {
            Map<String, Object> props = PublicView.of(l);
            props.remove("latitude");
            props.remove("longitude");
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", l.id());
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(l.longitude(), l.latitude())));
            f.put("properties", props);
            return f;
        }).toList());
        return fc;
    }

    static void csv(List<Location> locations, Writer out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).build())) {
            for (Location l : locations) {
                if (!PublicView.isPublic(l)) continue;
                long available = l.evses().stream().filter(e -> l.publicStatus(e) == EvseStatus.AVAILABLE).count();
                p.printRecord(l.id(), PublicView.name(l), PublicView.address(l), l.city(), l.latitude(), l.longitude(),
                        l.operatorType(), l.monitored(), l.module() != null && l.module().online(),
                        l.vehicleClasses().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                        String.join(";", new java.util.TreeSet<>(l.facilities())), l.openingHours(), l.freeOfCharge(),
                        l.priceText(), l.evses().size(), available, Times.iso(l.lastUpdated()));
            }
        }
    }
}
