package org.microsmartgrid.cloud.management.conf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A component's metatype from the MetaTypeService, completed with what the OSGi API does not expose (min, max,
 * required) from the bundle's own metatype file.
 */
final class MetatypeReader {
    private final MetaTypeService metaTypes;

    MetatypeReader(MetaTypeService metaTypes) {
        this.metaTypes = metaTypes;
    }

    /** By bundle id, its revision (last modified) and OCD id: a bundle's metatype changes only with the bundle. */
    private final Map<String, Optional<ObjectClass>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param ocdId the pid, or the factory pid for an instance of a factory component */
    Optional<ObjectClass> read(Bundle bundle, String ocdId) {
        return cache.computeIfAbsent(bundle.getBundleId() + "@" + bundle.getLastModified() + "/" + ocdId,
                k -> readNow(bundle, ocdId));
    }

    private Optional<ObjectClass> readNow(Bundle bundle, String ocdId) {
        MetaTypeInformation info = metaTypes.getMetaTypeInformation(bundle);
        if (info == null) return Optional.empty();
        boolean known = Arrays.asList(info.getPids()).contains(ocdId) || Arrays.asList(info.getFactoryPids()).contains(ocdId);
        if (!known) return Optional.empty();
        ObjectClassDefinition ocd = info.getObjectClassDefinition(ocdId, null);
        if (ocd == null) return Optional.empty();
        Map<String, MetatypeFiles.Limits> limits = MetatypeFiles.limits(bundle, ocdId);
        List<AttributeInfo> attributes = new ArrayList<>();
        AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        List<String> requiredIds = required == null ? List.of() : Arrays.stream(required).map(AttributeDefinition::getID).toList();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            MetatypeFiles.Limits l = limits.getOrDefault(ad.getID(), MetatypeFiles.Limits.NONE);
            attributes.add(new AttributeInfo(ad.getID(), ad.getName(), ad.getDescription(), typeName(ad.getType()),
                    ad.getCardinality(), requiredIds.contains(ad.getID()),
                    ad.getDefaultValue() == null ? List.of() : Arrays.asList(ad.getDefaultValue()),
                    l.min(), l.max(), options(ad)));
        }
        return Optional.of(new ObjectClass(ocd.getID(), ocd.getName(), ocd.getDescription(), attributes));
    }

    private static List<AttributeInfo.Option> options(AttributeDefinition ad) {
        String[] values = ad.getOptionValues();
        if (values == null) return List.of();
        String[] labels = ad.getOptionLabels();
        List<AttributeInfo.Option> result = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            result.add(new AttributeInfo.Option(labels != null && i < labels.length ? labels[i] : values[i], values[i]));
        }
        return result;
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.SHORT -> "Short";
            case AttributeDefinition.CHARACTER -> "Char";
            case AttributeDefinition.BYTE -> "Byte";
            case AttributeDefinition.DOUBLE -> "Double";
            case AttributeDefinition.FLOAT -> "Float";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "String";
        };
    }
}
