package org.microsmartgrid.city.kapua.provision;

import java.util.List;

/**
 * The network as it should be in Kapua (docs/kapua.md, kapua-config/network.json): read from a JSON file. Secrets are
 * never in it: each password names an environment variable or a file.
 */
public record NetworkSpec(Account account, List<Account> subAccounts, List<Named> tags, List<Named> groups,
                          List<Role> roles, List<User> users, ModuleUsers modules) {

    /** An account: its name (the first topic level of its modules) and the organisation Kapua requires. */
    public record Account(String name, String organizationName, String organizationEmail) {
    }

    /** A tag (building kinds) or a device group (districts). */
    public record Named(String name, String description) {
    }

    /** A role and its permissions, e.g. {@code device:read}. */
    public record Role(String name, String description, List<String> permissions) {
    }

    /** A person or service user: its roles and where its password comes from. */
    public record User(String name, String displayName, String email, List<String> roles, Secret password) {
    }

    /** Where a password is read: an environment variable or a file (its first line). */
    public record Secret(String env, String file) {
    }

    /**
     * One broker user per module ({@code msg-} and the client id without colons, lower case), with {@code role};
     * passwords from files in {@code passwordDir} named after the user. Each listed module's device, once Kapua has it
     * (after its first BIRTH), gets its building kind's tag and its district's group.
     */
    public record ModuleUsers(String role, String passwordDir, List<Module> list) {
    }

    public record Module(String clientId, String kind, String district) {
    }

    public List<Account> subAccounts() {
        return subAccounts == null ? List.of() : subAccounts;
    }

    public List<Named> tags() {
        return tags == null ? List.of() : tags;
    }

    public List<Named> groups() {
        return groups == null ? List.of() : groups;
    }

    public List<Role> roles() {
        return roles == null ? List.of() : roles;
    }

    public List<User> users() {
        return users == null ? List.of() : users;
    }

    /** The broker user name of a module. */
    public static String moduleUser(String clientId) {
        return "msg-" + clientId.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }
}
