package org.microsmartgrid.cloud.management.conf;

import java.util.List;
import java.util.Optional;

/**
 * One {@code <esf:configuration pid="...">}: the properties of a component and, when known, its metatype.
 *
 * @param definition null when the component has no metatype (or, in a PUT body, when none was sent)
 */
public record ComponentConfiguration(String pid, ObjectClass definition, List<EsfProperty> properties) {

    public ComponentConfiguration {
        properties = List.copyOf(properties);
    }

    public Optional<EsfProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
