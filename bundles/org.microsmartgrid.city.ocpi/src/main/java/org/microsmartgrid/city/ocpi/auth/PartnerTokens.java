package org.microsmartgrid.city.ocpi.auth;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The partner tokens in force, and the check of a request's {@code Authorization} header. Immutable: a configuration
 * change swaps the whole set. None configured = nobody gets in (there is no default token).
 */
public final class PartnerTokens {

    /** "Token" and one parameter of printable, non-whitespace ASCII (OCPI 2.2.1, "Authorization header"). */
    private static final Pattern HEADER = Pattern.compile("(?i:Token) ([\\x21-\\x7e]{1,512})");

    private final List<PartnerToken> tokens;

    private PartnerTokens(List<PartnerToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /**
     * @param errors where each unreadable line goes (with its position); such lines admit nobody, nor does a partner
     *               name given twice (which of the two did the operator mean?)
     */
    public static PartnerTokens parse(String[] lines, List<String> errors) {
        List<PartnerToken> ok = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (int i = 0; lines != null && i < lines.length; i++) {
            if (lines[i] == null || lines[i].isBlank()) continue;
            try {
                PartnerToken t = PartnerToken.parse(lines[i]);
                if (!seen.add(t.partner())) {
                    errors.add("partners[" + i + "]: partner " + t.partner() + " appears twice; both refused");
                    twice.add(t.partner());
                }
                ok.add(t);
            } catch (RuntimeException e) {
                errors.add("partners[" + i + "]: " + e.getMessage());
            }
        }
        ok.removeIf(t -> twice.contains(t.partner()));
        return new PartnerTokens(ok);
    }

    public int size() {
        return tokens.size();
    }

    /** What is wrong with a request's credentials, said the same way to everyone (no hint which part failed). */
    public enum Refusal {
        MISSING, MALFORMED, UNKNOWN
    }

    /** The partner a header authenticates, or why not. */
    public record Result(String partner, Refusal refusal) {
        public boolean ok() {
            return partner != null;
        }
    }

    public Result authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) return new Result(null, Refusal.MISSING);
        var m = HEADER.matcher(authorization.strip());
        if (!m.matches()) return new Result(null, Refusal.MALFORMED);
        byte[] token;
        try {
            token = Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            return new Result(null, Refusal.MALFORMED);
        }
        String found = null;
        for (PartnerToken t : tokens) if (t.matches(token) && found == null) found = t.partner(); // check all: same time
        return found != null ? new Result(found, null) : new Result(null, Refusal.UNKNOWN);
    }
}
