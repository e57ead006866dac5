package org.microsmartgrid.city.people.account;

import java.util.Locale;

/**
 * One-time codes people read and type (claim codes, reward codes): Crockford's base32, in groups of five. Only their
 * digest is stored ({@link Secrets#digest} of {@link #normalise}), so a typed code is normalised the same way.
 */
public final class TypedCodes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private TypedCodes() {
    }

    /** {@code characters} random base32 characters (5 bits each), a dash after every five. */
    public static String newCode(int characters) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < characters; i++) {
            if (i > 0 && i % 5 == 0) b.append('-');
            b.append(ALPHABET.charAt(Secrets.random().nextInt(32)));
        }
        return b.toString();
    }

    /** As typed: case, spaces and dashes do not matter; O→0 and I/L→1 as Crockford's base32 reads them. */
    public static String normalise(String typed) {
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
