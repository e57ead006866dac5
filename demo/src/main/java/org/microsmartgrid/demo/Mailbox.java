package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city's demo mail folder (people.mail.folder: each mail an .eml file instead of being sent): reads the code a
 * mail carries to an address, as the person would copy it from the mail.
 */
final class Mailbox {
    private static final Pattern CODE = Pattern.compile("(?:codice|code): ([A-Za-z0-9_-]{43})");
    private final Path folder;

    Mailbox(Path folder) {
        this.folder = folder;
    }

    /** The code in the newest mail to {@code to}; waits for the mail up to the timeout. */
    String awaitCode(String to, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Pattern recipient = Pattern.compile("(?mi)^To:.*\\b" + Pattern.quote(to) + "\\b");
        while (System.nanoTime() < end) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".eml"))
                            .sorted(Comparator.reverseOrder()).toList()) {
                        // bodies are quoted-printable: a soft line break ("=" at the end of a line) may split a code
                        String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("=\r?\n", "");
                        if (!recipient.matcher(text).find()) continue;
                        Matcher c = CODE.matcher(text);
                        if (c.find()) return c.group(1);
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new IOException("no mail to " + to + " in " + folder + " within " + timeout.toSeconds() + " s");
    }
}
