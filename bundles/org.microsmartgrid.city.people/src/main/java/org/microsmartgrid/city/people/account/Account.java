package org.microsmartgrid.city.people.account;

import java.util.Set;

/** A person's account. The e-mail is personal data: it goes to mails and to its owner, never to logs or the public. */
public record Account(String id, String email, String displayName, Set<Role> roles, boolean verified, long created) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role r) {
        return roles.contains(r);
    }
}
