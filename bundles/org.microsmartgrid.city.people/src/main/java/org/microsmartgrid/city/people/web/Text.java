package org.microsmartgrid.city.people.web;

import java.text.Normalizer;

/**
 * Checks text people write. Text is stored and returned as text: markup such as {@code <script>} is allowed as
 * characters and never interpreted (answers are JSON with nosniff and a CSP that runs nothing). What is refused:
 * control characters (but line breaks where the field allows several lines), bidirectional overrides that can
 * disguise what a text says, unpaired surrogates, and lengths beyond the field's limit (counted in code points).
 */
public final class Text {

    private Text() {
    }

    /** @return the text, NFC-normalised and stripped; null when absent and optional */
    public static String check(String field, String value, int min, int max, boolean multiline) {
        if (value == null) {
            if (min > 0) throw ApiError.badRequest(field + ": obbligatorio / required");
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (multiline) v = v.replace("\r\n", "\n");
        int n = v.codePointCount(0, v.length());
        if (n < min) throw ApiError.badRequest(field + ": almeno " + min + " caratteri / at least " + min + " characters");
        if (n > max) throw ApiError.badRequest(field + ": al massimo " + max + " caratteri / at most " + max + " characters");
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (!allowed(cp, multiline))
                throw ApiError.badRequest(field + ": carattere non ammesso / character not allowed (U+"
                        + String.format("%04X", cp) + ")");
            i += Character.charCount(cp);
        }
        return v.isEmpty() && min == 0 ? null : v;
    }

    static boolean allowed(int cp, boolean multiline) {
        if (cp == '\n') return multiline;
        if (Character.isISOControl(cp)) return false;
        if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) return false; // bidi embeddings/overrides
        if (cp == 0xFEFF || cp == 0x200B) return false; // invisible: zero-width no-break space, zero-width space
        int type = Character.getType(cp);
        return type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
