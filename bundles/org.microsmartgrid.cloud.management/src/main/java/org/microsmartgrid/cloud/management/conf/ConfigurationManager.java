package org.microsmartgrid.cloud.management.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microsmartgrid.cloud.management.check.ConfigurationChecks;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What CONF-V1 does, without the request routing: read the configurable components' configurations, validate a
 * change against their metatype as a whole and only then apply it, take and restore snapshots.
 */
final class ConfigurationManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationManager.class);

    /** A pid CONF-V1 does not know. */
    static final class UnknownPidException extends Exception {
        UnknownPidException(String pid) {
            super("no configurable component with pid " + pid);
        }
    }

    private final BundleContext context;
    private final MetatypeReader metatypes;
    private final ConfigStore store;
    private final SnapshotStore snapshots;
    /** The components' own checks: a value the component would refuse is refused here, before anything is stored. */
    private final ConfigurationChecks checks;

    ConfigurationManager(BundleContext context, MetatypeReader metatypes, ConfigStore store, SnapshotStore snapshots) {
        this.context = context;
        this.checks = new ConfigurationChecks(context);
        this.metatypes = metatypes;
        this.store = store;
        this.snapshots = snapshots;
    }

    /**
     * Every configuration (pid == null) or one, with its metatype; passwords masked unless for a snapshot.
     *
     * @param asKuraShowsIt true for CONF-V1's GET: every attribute of the form comes with its stored value or, when
     *                      it has none, its default (Kura's ConfigurationServiceImpl.mergeWithDefaults: Kapua's
     *                      console cannot Apply a form whose required fields are empty), and a factory instance
     *                      carries {@code service.factoryPid} (Kapua's console names an instance after its pid only
     *                      when that property is there); false for a snapshot, which holds exactly what is stored
     * @throws UnknownPidException only for a snapshot's read of a pid; CONF-V1's GET of an unknown pid is an empty
     *                             list, as Kura answers it
     */
    List<ComponentConfiguration> read(String pid, boolean withDefinitions, boolean maskPasswords, boolean asKuraShowsIt)
            throws IOException, UnknownPidException {
        Map<String, ConfigurableTargets.Target> targets = ConfigurableTargets.find(context);
        if (pid != null && !targets.containsKey(pid) && !asKuraShowsIt) throw new UnknownPidException(pid);
        List<ComponentConfiguration> result = new ArrayList<>();
        for (ConfigurableTargets.Target t : targets.values()) {
            if (pid != null && !pid.equals(t.pid())) continue;
            ObjectClass ocd = metatypes.read(t.bundle(), t.ocdId()).orElse(null);
            Map<String, Object> values = store.read(t.pid());
            List<EsfProperty> properties = new ArrayList<>();
            if (ocd != null) {
                for (AttributeInfo ad : ocd.attributes()) {
                    Object value = values.containsKey(ad.id()) ? values.remove(ad.id())
                            : asKuraShowsIt ? PropertyValues.defaultValue(ad).orElse(null) : null;
                    if (value != null) properties.add(PropertyValues.toEsf(ad.id(), value, ad, maskPasswords));
                }
            }
            values.forEach((k, v) -> properties.add(PropertyValues.toEsf(k, v, null, maskPasswords)));
            if (asKuraShowsIt && t.factoryPid() != null)
                properties.add(new EsfProperty(ConfigStore.FACTORY_PID, "String", false, false, List.of(t.factoryPid())));
            result.add(new ComponentConfiguration(t.pid(), withDefinitions ? ocd : null, properties));
        }
        return result;
    }

    /**
     * Validates every sent configuration against its metatype and merges it with the stored properties; changes
     * nothing.
     *
     * @param rollback true for a rollback: the sent properties replace the stored ones (instead of being merged into
     *                 them), and a component that is gone since the snapshot is skipped, not an error
     * @return the complete new properties by pid
     * @throws IllegalArgumentException a bad value: against the metatype, or refused by the component's own check
     * @throws UnknownPidException      a pid that is not a configurable component
     */
    Map<String, Map<String, Object>> validate(List<ComponentConfiguration> sent, boolean rollback, String actor)
            throws IOException, UnknownPidException {
        Map<String, ConfigurableTargets.Target> targets = ConfigurableTargets.find(context);
        Map<String, Map<String, Object>> validated = new LinkedHashMap<>();
        for (ComponentConfiguration c : sent) {
            ConfigurableTargets.Target t = targets.get(c.pid());
            if (t == null) {
                if (rollback) {
                    LOG.warn("rollback for {}: {} is no longer a configurable component, skipped", actor, c.pid());
                    continue;
                }
                throw new UnknownPidException(c.pid());
            }
            if (validated.containsKey(c.pid())) throw new IllegalArgumentException(c.pid() + ": sent twice");
            Optional<ObjectClass> found = metatypes.read(t.bundle(), t.ocdId());
            if (found.isEmpty() && rollback) {
                LOG.warn("rollback for {}: {} has no metatype, its values cannot be checked: skipped", actor, c.pid());
                continue;
            }
            ObjectClass ocd = found.orElseThrow(() -> new IllegalArgumentException(
                    c.pid() + ": the component has no metatype, its values cannot be checked: refused"));
            Map<String, Object> next = merge(c, ocd, store.read(c.pid()), rollback);
            List<String> problems = checks.problems(c.pid(), t.factoryPid(), next);
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
            validated.put(c.pid(), next);
        }
        return validated;
    }

    /** Stores validated configurations. @return the pids whose properties actually changed */
    List<String> write(Map<String, Map<String, Object>> validated, String actor) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : validated.entrySet()) {
            Map<String, Object> before = store.read(e.getKey());
            if (sameValues(e.getValue(), before)) continue;
            store.write(e.getKey(), e.getValue());
            changed.add(e.getKey());
            // the names of the changed properties, not their values: a password may be among them
            java.util.Set<String> keys = new java.util.TreeSet<>(e.getValue().keySet());
            keys.addAll(before.keySet());
            keys.removeIf(k -> java.util.Objects.deepEquals(e.getValue().get(k), before.get(k)));
            LOG.info("configuration of {} changed by {} through CONF-V1: {}", e.getKey(), actor, keys);
        }
        return changed;
    }

    private static Map<String, Object> merge(ComponentConfiguration sent, ObjectClass ocd, Map<String, Object> existing,
                                             boolean replace) {
        Map<String, Object> next = replace ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
        for (EsfProperty p : sent.properties()) {
            if (ConfigStore.SYSTEM_KEYS.contains(p.name())) continue; // the framework's, never the cloud's
            Optional<AttributeInfo> ad = ocd.attribute(p.name());
            Object value;
            if (ad.isPresent()) {
                value = ValueValidator.convert(sent.pid(), ad.get(), p, existing.get(p.name()));
            } else if (existing.containsKey(p.name()) || replace) {
                value = untyped(sent.pid(), p); // a property outside the metatype the component already had
            } else {
                throw new IllegalArgumentException(sent.pid() + "/" + p.name() + ": no such attribute in the metatype "
                        + ocd.id());
            }
            if (value == null) next.remove(p.name());
            else if (!replace && !existing.containsKey(p.name()) && ad.isPresent() && saysNothing(ad.get(), value))
                continue; // the default GET showed, or an empty field, sent back: the file stays as the installer wrote it
            else next.put(p.name(), value);
        }
        return next;
    }

    /**
     * Whether a value sent for an attribute the configuration does not hold adds nothing: the default that GET
     * showed, an empty text or an empty list (Kapua's console sends "" for an empty text field and an empty list
     * for an array with nothing in it, where Kura's form showed no value at all).
     */
    private static boolean saysNothing(AttributeInfo ad, Object value) {
        if ("".equals(value)) return true;
        if (value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 0) return true;
        return PropertyValues.defaultValue(ad).map(d -> java.util.Objects.deepEquals(d, value)).orElse(false);
    }

    private static Object untyped(String pid, EsfProperty p) {
        List<Object> values = new ArrayList<>();
        for (String text : p.values()) {
            try {
                values.add(PropertyValues.parse(p.type(), text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pid + "/" + p.name() + ": " + e.getMessage());
            }
        }
        if (p.array()) return PropertyValues.toArray(p.type(), values);
        return values.isEmpty() ? null : values.get(0);
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) {
            if (!java.util.Objects.deepEquals(a.get(k), b.get(k))) return false;
        }
        return true;
    }

    /** Takes a snapshot of every configurable component's configuration (passwords included). */
    long snapshot(String actor) throws IOException {
        try {
            long id = snapshots.save(EsfXml.write(read(null, false, false, false)));
            LOG.info("configuration snapshot {} taken for {}", id, actor);
            return id;
        } catch (UnknownPidException e) {
            throw new IllegalStateException(e); // cannot happen: no pid asked
        }
    }

    /** Restores a snapshot. @return the pids changed; empty Optional when there is no such snapshot */
    Optional<List<String>> rollback(long id, String actor) throws IOException {
        Optional<byte[]> xml = snapshots.read(id);
        if (xml.isEmpty()) return Optional.empty();
        try {
            List<String> changed = write(validate(EsfXml.read(xml.get()), true, actor), actor);
            LOG.info("configuration rolled back to snapshot {} by {}: {} changed", id, actor, changed);
            return Optional.of(changed);
        } catch (UnknownPidException e) {
            throw new IllegalStateException(e); // cannot happen: unknown pids are skipped
        }
    }

    SnapshotStore snapshots() {
        return snapshots;
    }
}
