package org.microsmartgrid.city.kapua.provision;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.microsmartgrid.city.kapua.client.KapuaClient;
import org.microsmartgrid.city.kapua.client.KapuaException;
import org.microsmartgrid.city.kapua.client.KapuaLogin;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * {@code provision [--dry-run] network.json}: makes the Kapua at {@code KAPUA_API_URL} hold the network of the file,
 * logged in as {@code KAPUA_ADMIN_USER} with {@code KAPUA_ADMIN_PASSWORD} (or {@code KAPUA_ADMIN_PASSWORD_FILE}).
 * Exit 0: done (or nothing to do); 1: Kapua refused or was unreachable (what was printed was done); 2: bad
 * arguments, file or passwords (nothing was changed). docs/kapua.md
 */
public final class ProvisionMain {

    private ProvisionMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    public static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
        boolean dryRun = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--dry-run")) dryRun = true;
            else if (a.startsWith("-") || file != null) return usage(err, "unknown argument " + a);
            else file = a;
        }
        if (file == null) return usage(err, "no network file");
        NetworkSpec spec;
        Map<String, String> passwords;
        KapuaClient kapua;
        try {
            spec = new Gson().fromJson(Files.readString(Path.of(file)), NetworkSpec.class);
            if (spec == null || spec.account() == null || spec.account().name() == null)
                throw new IllegalArgumentException(file + ": no account.name");
            passwords = Secrets.read(spec, env);
            String url = env.apply("KAPUA_API_URL");
            String user = env.apply("KAPUA_ADMIN_USER");
            String pw = env.apply("KAPUA_ADMIN_PASSWORD");
            if (pw == null && env.apply("KAPUA_ADMIN_PASSWORD_FILE") != null)
                pw = Files.readAllLines(Path.of(env.apply("KAPUA_ADMIN_PASSWORD_FILE"))).stream().findFirst().orElse(null);
            if (url == null || user == null || pw == null)
                throw new IllegalArgumentException("set KAPUA_API_URL, KAPUA_ADMIN_USER and KAPUA_ADMIN_PASSWORD (or "
                        + "KAPUA_ADMIN_PASSWORD_FILE)");
            kapua = new KapuaClient(url, KapuaLogin.user(user, pw), Duration.ofSeconds(30), Clock.systemUTC());
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            err.println("provision: " + e.getMessage());
            return 2;
        }
        try {
            List<String> changes = new Provisioner(kapua, dryRun, out::println).apply(spec, passwords);
            out.println(changes.size() + (dryRun ? " changes would be made" : " changes made")
                    + " / " + changes.size() + (dryRun ? " modifiche da fare" : " modifiche fatte"));
            return 0;
        } catch (KapuaException e) {
            err.println("provision: Kapua: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("provision: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String why) {
        err.println("provision: " + why + "\nusage: provision [--dry-run] network.json   (docs/kapua.md)");
        return 2;
    }
}
