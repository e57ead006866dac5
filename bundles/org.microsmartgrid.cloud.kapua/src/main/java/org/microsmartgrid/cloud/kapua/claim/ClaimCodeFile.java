package org.microsmartgrid.cloud.kapua.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.microsmartgrid.api.cloud.ModuleClaimCode;

/**
 * The module's claim code, kept in one file of its data directory (owner-only, rw-------) so that it survives a
 * restart and the console can show it again. The code has the city's format (docs/people.md): 25 characters of
 * Crockford's base32, 125 random bits from {@link SecureRandom}, in groups of five. Only {@link #hash()} leaves the
 * module: hex SHA-256 of the code as the city normalises it (upper case, no dashes), the city's own digest.
 */
public final class ClaimCodeFile implements ModuleClaimCode {

    /** Crockford's base32: no I, L, O, U (nothing to misread when reading it to someone). */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile String code;

    private ClaimCodeFile(Path file, String code) {
        this.file = file;
        this.code = code;
    }

    /** The code in the file, or a new one written there when the file is missing or holds no code. */
    public static ClaimCodeFile open(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (FORMAT.matcher(kept).matches()) return new ClaimCodeFile(file, kept);
            }
            ClaimCodeFile f = new ClaimCodeFile(file, newCode());
            f.write();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("claim code file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public synchronized String renew() {
        String previous = code;
        code = newCode();
        try {
            write();
        } catch (IOException e) {
            code = previous; // nothing changed: the shown code and the published hash stay the old ones
            throw new UncheckedIOException("claim code file " + file + ": " + e.getMessage(), e);
        }
        return code;
    }

    /** What the module publishes: hex SHA-256 of the code without dashes, upper case (never the code itself). */
    public String hash() {
        return hashOf(code);
    }

    /** The city's digest of a typed code (docs/people.md): SHA-256 of the normalised text, lower-case hex. */
    public static String hashOf(String code) {
        String normalised = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(29);
        for (int i = 0; i < 25; i++) {
            if (i > 0 && i % 5 == 0) b.append('-');
            b.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return b.toString();
    }

    /** Written whole or not at all: a temporary file (owner-only from its creation) moved over the old one. */
    private void write() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix ? Files.createTempFile(dir, ".claim-code", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".claim-code", ".tmp");
        try {
            Files.writeString(tmp, code + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
