package org.microsmartgrid.city.ocpi.mapping;

import java.util.Optional;

import org.microsmartgrid.city.ocpi.model.OcpiConnector;
import org.microsmartgrid.city.registry.Connector;

/** A registry Connector as an OCPI Connector; empty when a stored value is not in OCPI's lists (never published wrong). */
final class ConnectorMapper {

    private ConnectorMapper() {
    }

    /** @param lastUpdated epoch ms: connectors change only with their location's record */
    static Optional<OcpiConnector> map(Connector c, long lastUpdated) {
        if (!OcpiValues.CONNECTOR_TYPES.contains(c.standard()) || !OcpiValues.CONNECTOR_FORMATS.contains(c.format())
                || !OcpiValues.POWER_TYPES.contains(c.powerType()) || c.id() < 0 || c.maxVoltage() < 0
                || c.maxAmperage() < 0)
            return Optional.empty();
        return Optional.of(new OcpiConnector(Integer.toString(c.id()), c.standard(), c.format(), c.powerType(),
                c.maxVoltage(), c.maxAmperage(), c.maxPowerW() > 0 ? c.maxPowerW() : null, OcpiTime.format(lastUpdated)));
    }
}
