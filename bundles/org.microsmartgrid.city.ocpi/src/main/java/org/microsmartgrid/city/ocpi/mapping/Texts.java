package org.microsmartgrid.city.ocpi.mapping;

/**
 * OCPI string rules (types, "string" and "CiString"): printable characters only (no line breaks or tabs), at most the
 * field's length. Text is kept as written otherwise: OCPI is JSON, markup in a name is harmless text to a client.
 */
final class Texts {

    private Texts() {
    }

    /** Control characters become spaces, runs of spaces one space; cut to {@code max} characters (code points). */
    static String printable(String s, int max) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? ' ' : c).forEach(b::appendCodePoint);
        String clean = b.toString().replaceAll(" {2,}", " ").strip();
        if (clean.codePointCount(0, clean.length()) <= max) return clean;
        return clean.substring(0, clean.offsetByCodePoints(0, max)).strip();
    }

    /** CiString: printable ASCII, 1 to {@code max} characters. */
    static boolean isCiString(String s, int max) {
        return s != null && !s.isEmpty() && s.length() <= max && s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
