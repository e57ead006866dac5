package org.microsmartgrid.city.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One module's broker credential as the configuration stores it: {@code "{account}/{client id} sha256:{salt}:{hash}"}
 * (hex). The MQTT user name is the client id. Passwords are random tokens the city issues (192 bits), never chosen by
 * people, so one salted SHA-256 is enough to keep a leaked configuration from revealing them (a slow password hash
 * protects guessable passwords; there is nothing to guess here) and checking one costs microseconds per connect.
 *
 * @param account  the Kapua account its topics start with
 * @param clientId its MQTT client id (= user name)
 * @param salt     random salt
 * @param hash     SHA-256(salt ‖ password)
 */
public record ModuleCredential(String account, String clientId, byte[] salt, byte[] hash) {

    /** Topic-level-safe names: no MQTT wildcards, no level separator, no spaces or control characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final HexFormat HEX = HexFormat.of();

    public ModuleCredential {
        if (!NAME.matcher(account).matches()) throw new IllegalArgumentException("account: letters, digits, . _ : - only");
        if (!NAME.matcher(clientId).matches()) throw new IllegalArgumentException("client id: letters, digits, . _ : - only");
    }

    /** Parses a configuration line; throws IllegalArgumentException with why. */
    public static ModuleCredential parse(String line) {
        String[] parts = line.strip().split(" +");
        if (parts.length != 2) throw new IllegalArgumentException("expected \"{account}/{client id} sha256:{salt}:{hash}\"");
        int slash = parts[0].indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("expected {account}/{client id} before the hash");
        String[] h = parts[1].split(":");
        if (h.length != 3 || !h[0].equals("sha256")) throw new IllegalArgumentException("expected sha256:{salt}:{hash}");
        byte[] salt = HEX.parseHex(h[1]);
        byte[] hash = HEX.parseHex(h[2]);
        if (salt.length < 16 || hash.length != 32) throw new IllegalArgumentException("salt or hash of the wrong length");
        return new ModuleCredential(parts[0].substring(0, slash), parts[0].substring(slash + 1), salt, hash);
    }

    /** A new credential and its password (shown once, stored nowhere). */
    public static Issued issue(String account, String clientId, SecureRandom random) {
        byte[] token = new byte[24];
        random.nextBytes(token);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Issued(new ModuleCredential(account, clientId, salt, digest(salt, password.getBytes(StandardCharsets.UTF_8))),
                password);
    }

    /** A credential with the password to hand to the module. */
    public record Issued(ModuleCredential credential, String password) {
    }

    public boolean matches(byte[] password) {
        return password != null && MessageDigest.isEqual(hash, digest(salt, password));
    }

    public String format() {
        return account + "/" + clientId + " sha256:" + HEX.formatHex(salt) + ":" + HEX.formatHex(hash);
    }

    private static byte[] digest(byte[] salt, byte[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(password);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
