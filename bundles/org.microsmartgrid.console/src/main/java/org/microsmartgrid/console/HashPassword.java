package org.microsmartgrid.console;

import org.microsmartgrid.console.auth.InstallerAccounts;
import org.microsmartgrid.console.auth.PasswordHash;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Makes the line to paste into the {@code users} property of {@value InstallerAuthentication#PID}:
 * <pre>java -cp org.microsmartgrid.console.jar org.microsmartgrid.console.HashPassword &lt;user&gt;</pre>
 * The password is asked twice on the terminal (not echoed), or read as the first line of standard input when
 * there is no terminal ({@code printf '%s\n' "$PW" | java ...}). It never appears on the command line, where
 * other users of the machine could see it in the process list. Needs nothing but the JDK.
 */
public final class HashPassword {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 1024;

    /** Where the password comes from: the terminal, or standard input. */
    interface PasswordSource {
        /** @return the password, or null when none could be read */
        char[] read(String user) throws IOException;
    }

    private HashPassword() {
    }

    public static void main(String[] args) {
        System.exit(run(args, HashPassword::fromConsoleOrStdin, System.out, System.err));
    }

    static int run(String[] args, PasswordSource source, PrintStream out, PrintStream err) {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        String user = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--iterations") && i + 1 < args.length) {
                try {
                    iterations = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    return usage(err, "--iterations needs a number");
                }
            } else if (user == null && !args[i].startsWith("-")) {
                user = args[i];
            } else {
                return usage(err, "unexpected argument " + args[i]);
            }
        }
        if (user == null) return usage(err, "the user name is missing");
        if (!InstallerAccounts.NAME_PATTERN.matcher(user).matches())
            return usage(err, "the user name must be 1 to 64 letters, digits or . _ @ -");
        if (iterations < PasswordHash.MIN_ITERATIONS || iterations > PasswordHash.MAX_ITERATIONS)
            return usage(err, "--iterations must be " + PasswordHash.MIN_ITERATIONS + ".." + PasswordHash.MAX_ITERATIONS);

        char[] password = null;
        try {
            password = source.read(user);
            if (password == null) {
                err.println("No password given / Nessuna password inserita");
                return 1;
            }
            if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
                err.println("The password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters"
                        + " / La password deve avere da " + MIN_LENGTH + " a " + MAX_LENGTH + " caratteri");
                return 1;
            }
            String line = user + ":" + PasswordHash.create(password, iterations, new SecureRandom()).format();
            out.println(line);
            err.println("Add this line to 'users' in " + InstallerAuthentication.PID + ".config"
                    + " / Aggiungi questa riga a 'users'");
            return 0;
        } catch (IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return 1;
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -cp org.microsmartgrid.console.jar org.microsmartgrid.console.HashPassword"
                + " <user> [--iterations N]");
        return 2;
    }

    private static char[] fromConsoleOrStdin(String user) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for / per %s: ", user);
            if (first == null) return null;
            char[] again = console.readPassword("Repeat / Ripeti: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IOException("the two passwords differ / le due password sono diverse");
            }
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }
}
