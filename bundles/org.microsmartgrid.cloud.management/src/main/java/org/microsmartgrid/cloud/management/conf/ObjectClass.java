package org.microsmartgrid.cloud.management.conf;

import java.util.List;
import java.util.Optional;

/** A component's metatype ({@code <ocd:OCD>}): its form and the rules its values must follow. */
public record ObjectClass(String id, String name, String description, List<AttributeInfo> attributes) {

    public ObjectClass {
        attributes = List.copyOf(attributes);
    }

    public Optional<AttributeInfo> attribute(String attributeId) {
        return attributes.stream().filter(a -> a.id().equals(attributeId)).findFirst();
    }
}
