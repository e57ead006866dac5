package org.microsmartgrid.cloud.kapua.outbox;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.health.HealthProblems.Problem;

/**
 * What {@code /status} says of the outbox: entries that could not be read are set aside, kept in the file and never
 * sent; that is a problem an installer or a technician should look at (a failing SD card, a foreign writer), so
 * {@code health.ok} turns false until the file is dealt with (docs/cloud.md, "The outbox file"). So it does while the
 * outbox is closed after a failed write (a full disk), until it reopens by itself.
 */
public final class OutboxHealth {

    private OutboxHealth() {
    }

    /** The outbox's problems, each about {@code subject} (the cloud link's PID); none when every entry was readable. */
    public static List<Problem> problems(Outbox outbox, String subject) {
        List<Problem> out = new ArrayList<>();
        outbox.problem().ifPresent(m -> out.add(new Problem(subject, m))); // closed after a failed write
        long n = outbox.setAside();
        if (n == 0) return out;
        out.add(new Problem(subject, n + " messaggi dell'outbox illeggibili, tenuti da parte in " + outbox.file()
                + " e mai inviati / " + n + " outbox message(s) unreadable, kept aside in " + outbox.file()
                + " and never sent (docs/cloud.md)"));
        return out;
    }
}
