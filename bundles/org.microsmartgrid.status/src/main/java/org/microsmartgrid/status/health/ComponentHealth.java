package org.microsmartgrid.status.health;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DS components that are neither SATISFIED nor ACTIVE, from the Service Component Runtime's DTOs: this is where
 * an installer sees a configuration that a component refused (FAILED_ACTIVATION with the exception's message),
 * a service it still waits for (UNSATISFIED_REFERENCE) or a configuration it still needs (UNSATISFIED_CONFIGURATION).
 */
public final class ComponentHealth {
    /** Enough of a stack trace's messages to explain the failure, without hundreds of "at" lines. */
    static final int MAX_FAILURE_CHARS = 2000;

    private ComponentHealth() {
    }

    /** One component description with what the runtime says about it. */
    public record Component(ComponentDescriptionDTO description, boolean enabled,
                            List<ComponentConfigurationDTO> configurations) {
    }

    /** A problem worth an installer's attention: a refused configuration or a missing service. */
    public static boolean isProblem(String state) {
        return "FAILED_ACTIVATION".equals(state) || "UNSATISFIED_REFERENCE".equals(state);
    }

    public static List<JsonObject> notActive(List<Component> components) {
        List<JsonObject> result = new ArrayList<>();
        for (Component c : components) {
            ComponentDescriptionDTO d = c.description();
            if (d.factory != null) continue; // a component factory has instances only when someone asks for them
            if (!c.enabled()) {
                result.add(entry(d, "DISABLED", null, List.of()));
            } else if (c.configurations().isEmpty()) {
                // no configuration object at all: a REQUIRE component (or an unused factory) without configuration
                result.add(entry(d, "UNSATISFIED_CONFIGURATION", null, List.of()));
            } else {
                for (ComponentConfigurationDTO conf : c.configurations()) {
                    if (conf.state == ComponentConfigurationDTO.SATISFIED || conf.state == ComponentConfigurationDTO.ACTIVE)
                        continue;
                    List<JsonObject> refs = new ArrayList<>();
                    if (conf.unsatisfiedReferences != null) {
                        for (UnsatisfiedReferenceDTO u : conf.unsatisfiedReferences) refs.add(reference(d, u));
                    }
                    JsonObject e = entry(d, stateName(conf.state), failureSummary(conf.failure), refs);
                    // a factory's instances share its name and PID: the instance's own PID tells them apart
                    Object pid = conf.properties == null ? null : conf.properties.get("service.pid");
                    if (pid != null) e.addProperty("pid", String.valueOf(pid));
                    Object file = conf.properties == null ? null : conf.properties.get("felix.fileinstall.filename");
                    if (file != null) e.addProperty("file", fileName(String.valueOf(file)));
                    result.add(e);
                }
            }
        }
        result.sort(Comparator.comparing(o -> o.get("name").getAsString()));
        return result;
    }

    public static JsonObject toJson(List<Component> components) {
        JsonArray array = new JsonArray();
        notActive(components).forEach(array::add);
        JsonObject json = new JsonObject();
        json.addProperty("count", components.size());
        json.add("notActive", array);
        return json;
    }

    public static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    /**
     * The messages of a failure text (DS 1.5 puts the exception's stack trace there): the lines that say
     * something ("java.lang.IllegalArgumentException: pid x: property 'y' ...", "Caused by: ..."), not the frames.
     */
    public static String failureSummary(String failure) {
        if (failure == null || failure.isBlank()) return null;
        StringBuilder out = new StringBuilder();
        for (String line : failure.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("at ") || (t.startsWith("...") && t.endsWith("more"))) continue;
            if (out.length() > 0) out.append('\n');
            out.append(t);
        }
        String text = out.toString();
        return text.length() <= MAX_FAILURE_CHARS ? text : text.substring(0, MAX_FAILURE_CHARS) + "…";
    }

    /** The file's name without its directory: where the installer looks, without the module's paths. */
    static String fileName(String fileInstallKey) {
        int slash = Math.max(fileInstallKey.lastIndexOf('/'), fileInstallKey.lastIndexOf('\\'));
        return fileInstallKey.substring(slash + 1);
    }

    private static JsonObject entry(ComponentDescriptionDTO d, String state, String failure, List<JsonObject> refs) {
        JsonObject json = new JsonObject();
        json.addProperty("name", d.name);
        json.addProperty("bundle", d.bundle == null ? null : d.bundle.symbolicName);
        json.addProperty("state", state);
        JsonArray pids = new JsonArray();
        if (d.configurationPid != null) for (String pid : d.configurationPid) pids.add(pid);
        json.add("configurationPid", pids);
        json.addProperty("configurationPolicy", d.configurationPolicy);
        json.add("failure", failure == null ? JsonNull.INSTANCE : new JsonPrimitive(failure));
        JsonArray references = new JsonArray();
        refs.forEach(references::add);
        json.add("unsatisfiedReferences", references);
        return json;
    }

    private static JsonObject reference(ComponentDescriptionDTO d, UnsatisfiedReferenceDTO u) {
        String iface = null;
        if (d.references != null) {
            for (ReferenceDTO r : d.references) if (r.name.equals(u.name)) iface = r.interfaceName;
        }
        JsonObject json = new JsonObject();
        json.addProperty("name", u.name);
        json.addProperty("interface", iface);
        json.addProperty("target", u.target);
        return json;
    }
}
