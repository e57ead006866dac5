package org.microsmartgrid.city.kapua.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every password the network needs, read before anything is changed: a missing or weak one stops the run with the
 * whole list, and Kapua is left as it was. There are no defaults.
 */
final class Secrets {

    /** Kapua's password policy (its OpenAPI documents and its default settings): 12+ characters, a-z, A-Z, 0-9, symbol. */
    static final Pattern KAPUA_POLICY = Pattern.compile(
            "^(?=.{12,})(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!\"#$%&'()*+,\\-./:;<=>?@\\[\\]\\\\^_`{|}~]).*$");

    private Secrets() {
    }

    /** User name → password, for every user and module of the spec. */
    static Map<String, String> read(NetworkSpec spec, Function<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (NetworkSpec.User u : spec.users()) {
            NetworkSpec.Secret s = u.password();
            String pw = null;
            if (s == null || (s.env() == null) == (s.file() == null)) {
                problems.add(u.name() + ": password must name either env or file");
                continue;
            }
            if (s.env() != null) {
                pw = env.apply(s.env());
                if (pw == null || pw.isEmpty()) problems.add(u.name() + ": environment variable " + s.env() + " is not set");
            } else {
                pw = firstLine(Path.of(s.file()), u.name(), problems);
            }
            put(out, u.name(), pw, problems);
        }
        NetworkSpec.ModuleUsers m = spec.modules();
        if (m != null && m.list() != null) {
            for (NetworkSpec.Module mod : m.list()) {
                String user = NetworkSpec.moduleUser(mod.clientId());
                if (m.passwordDir() == null) {
                    problems.add("modules.passwordDir is not set");
                    break;
                }
                put(out, user, firstLine(Path.of(m.passwordDir(), user), user, problems), problems);
            }
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("passwords missing or too weak, nothing changed / password mancanti o "
                    + "deboli, nulla modificato:\n  " + String.join("\n  ", problems));
        return out;
    }

    private static void put(Map<String, String> out, String user, String pw, List<String> problems) {
        if (pw == null || pw.isEmpty()) return;
        if (!KAPUA_POLICY.matcher(pw).matches())
            problems.add(user + ": the password does not meet Kapua's policy (12+ characters, lower and upper case, "
                    + "a digit, a symbol)");
        else out.put(user, pw);
    }

    private static String firstLine(Path f, String user, List<String> problems) {
        try {
            List<String> lines = Files.readAllLines(f);
            if (!lines.isEmpty() && !lines.get(0).isEmpty()) return lines.get(0);
            problems.add(user + ": " + f + " is empty");
        } catch (IOException e) {
            problems.add(user + ": cannot read " + f + " (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }
}
