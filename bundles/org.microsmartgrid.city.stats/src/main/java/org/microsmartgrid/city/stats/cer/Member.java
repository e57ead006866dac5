package org.microsmartgrid.city.stats.cer;

import java.time.LocalDate;

/**
 * A member building of an energy community, by the module on its grid connection.
 *
 * @param module the module, {@code account/clientId}
 * @param name   how the statement names it
 * @param joined first day it is a member (Italian calendar day, inclusive)
 * @param left   first day it is no longer a member, or null
 */
public record Member(String module, String name, LocalDate joined, LocalDate left) {

    public Member {
        if (module == null || !module.matches("[A-Za-z0-9._:-]+/[A-Za-z0-9._:-]+"))
            throw new IllegalArgumentException("module must be account/clientId: " + module);
        if (joined == null) throw new IllegalArgumentException("joined date missing for " + module);
        if (left != null && !left.isAfter(joined))
            throw new IllegalArgumentException("left " + left + " is not after joined " + joined + " for " + module);
        if (name == null || name.isBlank()) name = module;
    }

    /** A member on this Italian calendar day. */
    public boolean memberOn(LocalDate day) {
        return !day.isBefore(joined) && (left == null || day.isBefore(left));
    }
}
