package org.microsmartgrid.city.people.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.microsmartgrid.city.people.account.Role;

/**
 * One endpoint: method, path (with {@code {id}} parts), who may call it and what it does. The route table is also
 * the authorization matrix of docs/people.md (and the test that walks it reads the same table).
 *
 * @param roles null = anyone, even without an account; empty = any logged-in account; else one of these roles
 */
public record Route(String method, String path, Set<Role> roles, Handler handler, boolean upload) {

    public Route(String method, String path, Set<Role> roles, Handler handler) {
        this(method, path, roles, handler, false);
    }

    /** A route whose body is a photo (JPEG or PNG bytes), not JSON. */
    public static Route upload(String method, String path, Set<Role> roles, Handler h) {
        return new Route(method, path, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), h, true);
    }

    /** What an endpoint does with a call; returns the answer (status and body). */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call) throws Exception;
    }

    private static final Pattern PARAM = Pattern.compile("\\{[a-z_]+}");
    /** Ids are UUIDs or registry ids: letters, digits, dot, dash, underscore, at most 36. */
    static final String ID = "([A-Za-z0-9._\\-]{1,36})";

    public static Route open(String method, String path, Handler h) {
        return new Route(method, path, null, h);
    }

    public static Route account(String method, String path, Handler h) {
        return new Route(method, path, Set.of(), h);
    }

    public static Route roles(String method, String path, Set<Role> roles, Handler h) {
        return new Route(method, path, EnumSet.copyOf(roles), h);
    }

    public Pattern pattern() {
        return Pattern.compile(PARAM.matcher(Pattern.quote(path)).replaceAll("\\\\E" + Matcher.quoteReplacement(ID) + "\\\\Q"));
    }

    public boolean isPublic() {
        return roles == null;
    }
}
