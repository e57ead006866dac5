package org.microsmartgrid.console.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an {@code Authorization: Basic} header (RFC 7617), decoded as UTF-8. The password
 * stays a char[] so that it can be wiped once checked.
 */
public record BasicCredentials(String user, char[] password) {

    /** Empty when the header is absent, not Basic, or not decodable. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null) return Optional.empty();
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).equalsIgnoreCase("Basic")) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(h.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            int colon = -1;
            for (int i = chars.position(); i < chars.limit(); i++) {
                if (chars.get(i) == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) return Optional.empty();
            String user = chars.subSequence(0, colon).toString();
            char[] password = new char[chars.limit() - colon - 1];
            chars.position(colon + 1);
            chars.get(password);
            wipe(chars.array());
            return Optional.of(new BasicCredentials(user, password));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    private static void wipe(char[] chars) {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
