package org.microsmartgrid.city.ocpi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas we wrote from the OCPI 2.2.1 text (src/test/resources/ocpi-2.2.1), checked with networknt's
 * validator. Their ids are mapped to the classpath: nothing is fetched from the network.
 */
public final class OcpiSchemas {

    private static final String ID = "https://microsmartgrid.org/test/ocpi-2.2.1/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(ID, "classpath:ocpi-2.2.1/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private OcpiSchemas() {
    }

    /** Errors of {@code json} against a definition of mod_locations.schema.json, e.g. "Location"; empty = valid. */
    public static List<String> locations(String definition, String json) {
        return validate("mod_locations.schema.json", definition, json);
    }

    /** Errors against a definition of transport.schema.json: "Envelope", "Versions", "VersionDetails". */
    public static List<String> transport(String definition, String json) {
        return validate("transport.schema.json", definition, json);
    }

    private static List<String> validate(String file, String definition, String json) {
        Schema schema = CACHE.computeIfAbsent(file + "#" + definition,
                k -> REGISTRY.getSchema(SchemaLocation.of(ID + file + "#/$defs/" + definition)));
        return schema.validate(json, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }
}
