package org.microsmartgrid.city.kapua.provision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.microsmartgrid.city.kapua.client.KapuaClient;
import org.microsmartgrid.city.kapua.client.KapuaException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Makes Kapua hold the network of a {@link NetworkSpec}: creates what is missing, adds what a role, a user or a device
 * lacks, and prints each change; what is already there is left alone (a second run changes nothing). Nothing is ever
 * deleted, and existing passwords are not reset (rotating them is a technician's act in Kapua's console). In a dry
 * run only GETs are sent and each change is printed as "would".
 *
 * <p>A 409 from Kapua (someone created the same thing between this run's read and its write) counts as already
 * there.
 */
public final class Provisioner {

    private final KapuaClient kapua;
    private final boolean dryRun;
    private final Consumer<String> out;
    private final List<String> changes = new ArrayList<>();
    private static final String PENDING = "(to be created)";

    public Provisioner(KapuaClient kapua, boolean dryRun, Consumer<String> out) {
        this.kapua = kapua;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** Runs the whole spec; returns the changes made (or, in a dry run, that would be made). */
    public List<String> apply(NetworkSpec spec, Map<String, String> passwords) throws KapuaException {
        check(spec, passwords);
        String scope = account("_", spec.account());
        for (NetworkSpec.Account sub : spec.subAccounts()) account(scope, sub);
        Map<String, String> tags = new java.util.HashMap<>();
        for (NetworkSpec.Named t : spec.tags()) tags.put(t.name(), named(scope, "tags", "tag", t, null));
        Map<String, String> groups = new java.util.HashMap<>();
        for (NetworkSpec.Named g : spec.groups()) groups.put(g.name(), named(scope, "groups", "group", g, "device"));
        Map<String, String> roles = new java.util.HashMap<>();
        for (NetworkSpec.Role r : spec.roles()) roles.put(r.name(), role(scope, r));
        for (NetworkSpec.User u : spec.users())
            user(scope, u.name(), u.displayName(), u.email(), u.roles(), passwords.get(u.name()), roles);
        NetworkSpec.ModuleUsers m = spec.modules();
        if (m != null && m.list() != null) {
            for (NetworkSpec.Module mod : m.list()) {
                String name = NetworkSpec.moduleUser(mod.clientId());
                user(scope, name, mod.clientId(), null, List.of(m.role()), passwords.get(name), roles);
                device(scope, mod, tags, groups);
            }
        }
        if (changes.isEmpty()) out.accept("= Kapua already holds this network: nothing to change / nulla da cambiare");
        return List.copyOf(changes);
    }

    /** Every reference and permission of the file, checked before the first request: a bad file changes nothing. */
    static void check(NetworkSpec spec, Map<String, String> passwords) {
        List<String> problems = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        for (NetworkSpec.Role r : spec.roles()) {
            roles.add(r.name());
            for (String p : r.permissions() == null ? List.<String>of() : r.permissions())
                if (!p.matches("[a-z_]+:(read|write|delete|execute|connect)"))
                    problems.add("role " + r.name() + ": permission '" + p + "' is not domain:action (e.g. device:read)");
        }
        for (NetworkSpec.User u : spec.users()) {
            for (String r : u.roles()) if (!roles.contains(r)) problems.add("user " + u.name() + ": no role " + r);
            if (!passwords.containsKey(u.name())) problems.add("user " + u.name() + ": no password");
        }
        NetworkSpec.ModuleUsers m = spec.modules();
        if (m != null && m.list() != null) {
            if (!roles.contains(m.role())) problems.add("modules: no role " + m.role());
            Set<String> tags = new HashSet<>();
            spec.tags().forEach(t -> tags.add(t.name()));
            Set<String> groups = new HashSet<>();
            spec.groups().forEach(g -> groups.add(g.name()));
            for (NetworkSpec.Module mod : m.list()) {
                if (mod.clientId() == null || !mod.clientId().matches("[A-Za-z0-9:_.\\-]{1,255}"))
                    problems.add("module client id '" + mod.clientId() + "'");
                else if (!passwords.containsKey(NetworkSpec.moduleUser(mod.clientId())))
                    problems.add("module " + mod.clientId() + ": no password");
                if (mod.kind() != null && !tags.contains(mod.kind())) problems.add(mod.clientId() + ": no tag " + mod.kind());
                if (mod.district() != null && !groups.contains(mod.district()))
                    problems.add(mod.clientId() + ": no group " + mod.district());
            }
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("the network file is not consistent, nothing changed / file non "
                    + "coerente, nulla modificato:\n  " + String.join("\n  ", problems));
    }

    private void change(String what) {
        changes.add(what);
        out.accept((dryRun ? "(dry run) would " : "") + what);
    }

    /** The id of the entity with this name in the scope, if any (never asked inside a scope still to be created). */
    private Optional<JsonObject> byName(String scope, String collection, String name) throws KapuaException {
        if (scope.equals(PENDING)) return Optional.empty();
        return kapua.list(KapuaClient.seg(scope) + "/" + collection, Map.of("name", name), 50).stream()
                .filter(e -> name.equals(text(e, "name"))).findFirst();
    }

    private JsonObject create(String scope, String collection, JsonObject body, String what) throws KapuaException {
        change("create " + what);
        if (dryRun || scope.equals(PENDING)) {
            JsonObject e = new JsonObject();
            e.addProperty("id", PENDING);
            return e;
        }
        return kapua.post(KapuaClient.seg(scope) + "/" + collection, body);
    }

    private String account(String parent, NetworkSpec.Account a) throws KapuaException {
        Optional<JsonObject> found = byName(parent, "accounts", a.name());
        if (found.isPresent()) return text(found.get(), "id");
        JsonObject body = new JsonObject();
        body.addProperty("name", a.name());
        body.addProperty("organizationName", a.organizationName());
        body.addProperty("organizationEmail", a.organizationEmail());
        return text(create(parent, "accounts", body, "account " + a.name()), "id");
    }

    private String named(String scope, String collection, String kind, NetworkSpec.Named n, String domain)
            throws KapuaException {
        Optional<JsonObject> found = byName(scope, collection, n.name());
        if (found.isPresent()) return text(found.get(), "id");
        JsonObject body = new JsonObject();
        body.addProperty("name", n.name());
        if (n.description() != null) body.addProperty("description", n.description());
        if (domain != null) body.addProperty("domain", domain);
        return text(create(scope, collection, body, kind + " " + n.name()), "id");
    }

    private String role(String scope, NetworkSpec.Role r) throws KapuaException {
        Optional<JsonObject> found = byName(scope, "roles", r.name());
        String id;
        Set<String> has = new HashSet<>();
        if (found.isPresent()) {
            id = text(found.get(), "id");
            for (JsonObject p : kapua.list(KapuaClient.seg(scope) + "/roles/" + KapuaClient.seg(id) + "/permissions",
                    Map.of(), 100)) {
                JsonObject perm = p.getAsJsonObject("permission");
                has.add(text(perm, "domain") + ":" + text(perm, "action"));
            }
        } else {
            JsonObject body = new JsonObject();
            body.addProperty("name", r.name());
            if (r.description() != null) body.addProperty("description", r.description());
            id = text(create(scope, "roles", body, "role " + r.name()), "id");
        }
        for (String p : r.permissions()) {
            if (has.contains(p)) continue;
            String[] da = p.split(":", 2);
            if (da.length != 2) throw new IllegalArgumentException("role " + r.name() + ": permission '" + p
                    + "' must be domain:action, e.g. device:read");
            change("add permission " + p + " to role " + r.name());
            if (dryRun || id.equals(PENDING)) continue;
            JsonObject perm = new JsonObject();
            perm.addProperty("domain", da[0]);
            perm.addProperty("action", da[1]);
            perm.addProperty("targetScopeId", scope);
            perm.addProperty("forwardable", false);
            JsonObject body = new JsonObject();
            body.add("permission", perm);
            try {
                kapua.post(KapuaClient.seg(scope) + "/roles/" + KapuaClient.seg(id) + "/permissions", body);
            } catch (KapuaException e) {
                if (!e.conflict()) throw e;
                out.accept("  (already there: added meanwhile by someone else / già presente)");
            }
        }
        return id;
    }

    private void user(String scope, String name, String displayName, String email, List<String> roleNames,
                      String password, Map<String, String> roles) throws KapuaException {
        Optional<JsonObject> found = byName(scope, "users", name);
        String id;
        if (found.isPresent()) {
            id = text(found.get(), "id");
        } else {
            JsonObject body = new JsonObject();
            body.addProperty("name", name);
            if (displayName != null) body.addProperty("displayName", displayName);
            if (email != null) body.addProperty("email", email);
            body.addProperty("userType", "INTERNAL");
            body.addProperty("status", "ENABLED");
            id = text(create(scope, "users", body, "user " + name), "id");
        }
        boolean pending = id.equals(PENDING);
        // a password only where the user has none: never reset one a person may have changed
        boolean hasPassword = !pending && kapua.list(KapuaClient.seg(scope) + "/credentials", Map.of("userId", id), 50)
                .stream().anyMatch(c -> "PASSWORD".equals(text(c, "credentialType")));
        if (!hasPassword) {
            change("set the password of " + name);
            if (!dryRun && !pending) {
                JsonObject c = new JsonObject();
                c.addProperty("userId", id);
                c.addProperty("credentialType", "PASSWORD");
                c.addProperty("credentialKey", password);
                c.addProperty("credentialStatus", "ENABLED");
                kapua.post(KapuaClient.seg(scope) + "/credentials", c);
            }
        }
        access(scope, name, id, roleNames, roles);
    }

    private void access(String scope, String name, String userId, List<String> roleNames, Map<String, String> roles)
            throws KapuaException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String r : roleNames) {
            if (!roles.containsKey(r)) throw new IllegalArgumentException("user " + name + ": no role " + r + " in the file");
            wanted.add(r);
        }
        boolean pending = userId.equals(PENDING);
        List<JsonObject> infos = pending ? List.of()
                : kapua.list(KapuaClient.seg(scope) + "/accessinfos", Map.of("userId", userId), 10);
        if (infos.isEmpty()) {
            if (wanted.isEmpty()) return;
            change("give " + name + " the roles " + wanted);
            if (dryRun || pending || wanted.stream().anyMatch(r -> roles.get(r).equals(PENDING))) return;
            JsonObject body = new JsonObject();
            body.addProperty("userId", userId);
            JsonArray ids = new JsonArray();
            wanted.forEach(r -> ids.add(roles.get(r)));
            body.add("roleIds", ids);
            kapua.post(KapuaClient.seg(scope) + "/accessinfos", body);
            return;
        }
        String infoId = text(infos.get(0), "id");
        String path = KapuaClient.seg(scope) + "/accessinfos/" + KapuaClient.seg(infoId) + "/roles";
        Set<String> has = new HashSet<>();
        for (JsonObject ar : kapua.list(path, Map.of(), 100)) has.add(text(ar, "roleId"));
        for (String r : wanted) {
            String roleId = roles.get(r);
            if (has.contains(roleId)) continue;
            change("give " + name + " the role " + r);
            if (dryRun || roleId.equals(PENDING)) continue;
            JsonObject body = new JsonObject();
            body.addProperty("accessInfoId", infoId);
            body.addProperty("roleId", roleId);
            kapua.post(path, body);
        }
    }

    /** Tags the module's device with its building kind and puts it in its district's group, once Kapua has it. */
    private void device(String scope, NetworkSpec.Module m, Map<String, String> tags, Map<String, String> groups)
            throws KapuaException {
        String tag = m.kind() == null ? null : tags.get(m.kind());
        String group = m.district() == null ? null : groups.get(m.district());
        if (m.kind() != null && tag == null) throw new IllegalArgumentException(m.clientId() + ": no tag " + m.kind());
        if (m.district() != null && group == null)
            throw new IllegalArgumentException(m.clientId() + ": no group " + m.district());
        if (scope.equals(PENDING)) return;
        List<JsonObject> found = kapua.list(KapuaClient.seg(scope) + "/devices", Map.of("clientId", m.clientId()), 10);
        if (found.isEmpty()) {
            out.accept("  " + m.clientId() + ": not in Kapua yet (its first BIRTH registers it); tags and group at the "
                    + "next run / non ancora in Kapua");
            return;
        }
        JsonObject d = found.get(0);
        boolean changed = false;
        changed |= addId(d, "tagIds", tag);
        changed |= addId(d, "groupIds", group);
        if (!changed) return;
        change("tag device " + m.clientId() + " as " + m.kind() + " in group " + m.district());
        if (dryRun || PENDING.equals(tag) || PENDING.equals(group)) return;
        d.remove("connection");
        d.remove("lastEvent");
        kapua.put(KapuaClient.seg(scope) + "/devices/" + KapuaClient.seg(text(d, "id")), d);
    }

    private static boolean addId(JsonObject d, String field, String id) {
        if (id == null) return false;
        JsonArray ids = d.has(field) && d.get(field).isJsonArray() ? d.getAsJsonArray(field) : new JsonArray();
        for (JsonElement e : ids) if (e.getAsString().equals(id)) return false;
        ids.add(id);
        d.add(field, ids);
        return true;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
