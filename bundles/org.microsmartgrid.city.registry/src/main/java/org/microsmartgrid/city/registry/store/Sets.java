package org.microsmartgrid.city.registry.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.microsmartgrid.city.registry.VehicleClass;

/** Small sets stored as comma-separated text (portable across H2 and PostgreSQL). */
final class Sets {

    private Sets() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    static Set<String> strings(String text) {
        if (text == null || text.isBlank()) return Set.of();
        return new TreeSet<>(Arrays.asList(text.split(",")));
    }

    static Set<VehicleClass> vehicles(String text) {
        Set<VehicleClass> s = EnumSet.noneOf(VehicleClass.class);
        for (String v : strings(text)) s.add(VehicleClass.valueOf(v));
        return s;
    }
}
