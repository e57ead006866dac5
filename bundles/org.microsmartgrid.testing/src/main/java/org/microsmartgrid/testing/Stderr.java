package org.microsmartgrid.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the code logs while a test runs a step: slf4j-simple writes each line to the System.err of that moment. */
public final class Stderr {

    /** A step that may throw. */
    public interface Action {
        void run() throws Exception;
    }

    private Stderr() {
    }

    /** Runs {@code action} with System.err captured and returns what was written (UTF-8). */
    public static String of(Action action) throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** How many times {@code log} holds {@code line}: a line the code should write once, said once. */
    public static int count(String log, String line) {
        int n = 0;
        for (int i = log.indexOf(line); i >= 0; i = log.indexOf(line, i + 1)) n++;
        return n;
    }
}
