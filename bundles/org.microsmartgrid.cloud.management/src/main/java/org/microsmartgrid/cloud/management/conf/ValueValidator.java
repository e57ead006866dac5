package org.microsmartgrid.cloud.management.conf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the values sent for one attribute against its metatype — type, cardinality, required, options, min and
 * max — and converts them to what ConfigurationAdmin stores. Every refusal names the attribute and the value.
 */
public final class ValueValidator {

    private ValueValidator() {
    }

    /**
     * @param existing the stored value, used for masked passwords (may be null)
     * @return the value to store (a scalar, or an array when the attribute is multi-valued); null = no value
     * @throws IllegalArgumentException a bad value, with a message naming pid/attribute
     */
    public static Object convert(String pid, AttributeInfo ad, EsfProperty sent, Object existing) {
        String where = pid + "/" + ad.id();
        List<String> texts = sent.values();
        if (ad.isPassword()) {
            try {
                texts = SecretsKept.values(texts, existing);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (texts == null) return existing; // only masks or empty fields came back: the secret is unchanged
        }
        if (ad.multiValued() && isText(ad)) {
            // Kapua's console paints min(cardinality, 10) fields for a list and sends "" for each one left empty
            // (DeviceConfigPanel.getUpdatedConfiguration): an empty entry is an unused field, not a value
            texts = texts.stream().filter(t -> !t.isEmpty()).toList();
        }
        if (!ad.multiValued() && texts.size() > 1)
            throw new IllegalArgumentException(where + ": takes one value, got " + texts.size());
        if (ad.multiValued() && texts.size() > ad.maxValues())
            throw new IllegalArgumentException(where + ": takes at most " + ad.maxValues() + " values, got " + texts.size());
        boolean empty = texts.isEmpty() || (!ad.multiValued() && texts.get(0).isEmpty() && !isText(ad));
        if (empty || (texts.size() == 1 && texts.get(0).isEmpty() && ad.required())) {
            if (ad.required()) throw new IllegalArgumentException(where + ": a value is required");
            return ad.multiValued() ? PropertyValues.toArray(ad.type(), List.of()) : null;
        }
        List<Object> values = new ArrayList<>();
        for (String text : texts) values.add(checkOne(where, ad, text));
        return ad.multiValued() ? PropertyValues.toArray(ad.type(), values) : values.get(0);
    }

    private static Object checkOne(String where, AttributeInfo ad, String text) {
        Object value;
        try {
            value = PropertyValues.parse(ad.type(), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (!ad.options().isEmpty() && ad.options().stream().noneMatch(o -> sameValue(ad, o.value(), value)))
            throw new IllegalArgumentException(where + ": '" + text + "' is not one of "
                    + ad.options().stream().map(AttributeInfo.Option::value).toList());
        BigDecimal measure = isText(ad) ? BigDecimal.valueOf(text.length()) : number(value);
        if (measure != null) {
            String unit = isText(ad) ? " characters" : "";
            if (ad.min() != null && !ad.min().isBlank() && measure.compareTo(new BigDecimal(ad.min().trim())) < 0)
                throw new IllegalArgumentException(where + ": '" + text + "' is below the minimum " + ad.min() + unit);
            if (ad.max() != null && !ad.max().isBlank() && measure.compareTo(new BigDecimal(ad.max().trim())) > 0)
                throw new IllegalArgumentException(where + ": '" + text + "' is above the maximum " + ad.max() + unit);
        }
        return value;
    }

    private static boolean sameValue(AttributeInfo ad, String optionText, Object value) {
        try {
            return PropertyValues.parse(ad.type(), optionText).equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) return new BigDecimal(n.toString());
        return null;
    }

    private static boolean isText(AttributeInfo ad) {
        return "String".equals(ad.type()) || "Password".equals(ad.type());
    }
}
