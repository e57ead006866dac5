package org.microsmartgrid.cloud.management.conf;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Java property values (as ConfigurationAdmin holds them) to and from CONF-V1's typed text values. */
public final class PropertyValues {
    /** What a password's value is shown as; sent back unchanged, it keeps the stored password. */
    public static final String PASSWORD_MASK = "********";
    /**
     * The mask as it goes on the wire: a password property is {@code encrypted="true"} and its value Base64, as Kura
     * sends it and as Kapua reads it (KuraPasswordPropertyAdapter decodes it, and encodes what it sends back), so
     * Kapua's console shows the mask and returns it unchanged.
     */
    public static final String PASSWORD_MASK_ON_WIRE = java.util.Base64.getEncoder()
            .encodeToString(PASSWORD_MASK.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private PropertyValues() {
    }

    /** A stored value as an esf property; passwords (per metatype) are masked. */
    public static EsfProperty toEsf(String name, Object value, AttributeInfo attribute) {
        return toEsf(name, value, attribute, true);
    }

    /** @param mask false only for the module's own snapshot files, which must be able to restore passwords */
    public static EsfProperty toEsf(String name, Object value, AttributeInfo attribute, boolean mask) {
        boolean array = value != null && value.getClass().isArray();
        List<String> texts = new ArrayList<>();
        Object first = null;
        if (array) {
            for (int i = 0; i < Array.getLength(value); i++) {
                Object v = Array.get(value, i);
                if (first == null) first = v;
                texts.add(String.valueOf(v));
            }
        } else if (value instanceof java.util.Collection<?> c) {
            array = true;
            for (Object v : c) {
                if (first == null) first = v;
                texts.add(String.valueOf(v));
            }
        } else if (value != null) {
            first = value;
            texts.add(String.valueOf(value));
        }
        if (attribute != null && attribute.isPassword()) {
            return new EsfProperty(name, "Password", array, mask,
                    mask ? texts.stream().map(t -> PASSWORD_MASK_ON_WIRE).toList() : texts);
        }
        String type = attribute != null ? attribute.type() : typeName(first, value);
        return new EsfProperty(name, type, array, false, texts);
    }

    /**
     * The value an attribute has when its configuration does not hold it: its metatype default, as Kura's
     * ComponentUtil.getDefaultProperties reads it (none when the default is missing or empty; one value for
     * cardinality 0, an array otherwise).
     */
    public static java.util.Optional<Object> defaultValue(AttributeInfo ad) {
        if (ad.defaults().isEmpty() || ad.defaults().stream().allMatch(String::isEmpty)) return java.util.Optional.empty();
        List<Object> values = new ArrayList<>();
        try {
            for (String d : ad.defaults()) values.add(parse(ad.type(), d));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // a default the metatype cannot parse itself: shown as no value
        }
        return java.util.Optional.of(ad.multiValued() ? toArray(ad.type(), values) : values.get(0));
    }

    /**
     * A password value as sent with {@code encrypted="true"}: Base64 of the UTF-8 text (Kapua's
     * KuraPasswordPropertyAdapter.marshallValue; Kura's XmlConfigPropertiesAdapter decodes it the same way when it
     * is not its own ciphertext). The mask, sent raw, stays the mask.
     *
     * @throws IllegalArgumentException not Base64
     */
    public static String decodeEncrypted(String text) {
        if (text.isEmpty() || PASSWORD_MASK.equals(text)) return text;
        try {
            return new String(java.util.Base64.getDecoder().decode(text.trim()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an encrypted password value must be Base64, as Kapua sends it");
        }
    }

    /** Kura's type name of a Java value (String when unknown). */
    static String typeName(Object element, Object whole) {
        Class<?> c = element != null ? element.getClass()
                : whole != null && whole.getClass().isArray() ? whole.getClass().getComponentType() : String.class;
        if (c == Long.class || c == long.class) return "Long";
        if (c == Integer.class || c == int.class) return "Integer";
        if (c == Double.class || c == double.class) return "Double";
        if (c == Float.class || c == float.class) return "Float";
        if (c == Short.class || c == short.class) return "Short";
        if (c == Byte.class || c == byte.class) return "Byte";
        if (c == Character.class || c == char.class) return "Char";
        if (c == Boolean.class || c == boolean.class) return "Boolean";
        return "String";
    }

    /**
     * One text value as the Java type of a Kura type name.
     *
     * @throws IllegalArgumentException the text is not a value of that type
     */
    public static Object parse(String type, String text) {
        String t = text.trim();
        try {
            return switch (type) {
                case "String", "Password" -> text;
                case "Long" -> Long.valueOf(t);
                case "Integer" -> Integer.valueOf(t);
                case "Short" -> Short.valueOf(t);
                case "Byte" -> Byte.valueOf(t);
                case "Double" -> finite(Double.valueOf(t));
                case "Float" -> finite(Float.valueOf(t));
                case "Char" -> {
                    if (text.length() != 1) throw new IllegalArgumentException("not a single character: '" + text + "'");
                    yield text.charAt(0);
                }
                case "Boolean" -> {
                    String b = t.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) throw new IllegalArgumentException("not true or false: '" + text + "'");
                    yield Boolean.valueOf(b);
                }
                default -> throw new IllegalArgumentException("unknown type " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid " + type + ": '" + text + "'");
        }
    }

    /** A Java array of the element type of a Kura type name, filled with already-parsed values. */
    public static Object toArray(String type, List<Object> values) {
        Class<?> element = switch (type) {
            case "Long" -> Long.class;
            case "Integer" -> Integer.class;
            case "Short" -> Short.class;
            case "Byte" -> Byte.class;
            case "Double" -> Double.class;
            case "Float" -> Float.class;
            case "Char" -> Character.class;
            case "Boolean" -> Boolean.class;
            default -> String.class;
        };
        Object array = Array.newInstance(element, values.size());
        for (int i = 0; i < values.size(); i++) Array.set(array, i, values.get(i));
        return array;
    }

    private static <N extends Number> N finite(N n) {
        if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))
            throw new IllegalArgumentException("not a finite number: " + n);
        return n;
    }
}
