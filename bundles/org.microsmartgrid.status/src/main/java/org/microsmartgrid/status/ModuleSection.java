package org.microsmartgrid.status;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * The "module" section: which software runs and since when.
 *
 * @param version   the module's version (framework property org.microsmartgrid.module.version, else this bundle's)
 * @param framework the OSGi framework, e.g. "org.apache.felix.framework 7.0.5"
 * @param java      the Java runtime version
 * @param startedAt when the process started
 */
public record ModuleSection(String version, String framework, String java, Instant startedAt) {

    public JsonObject toJson(Instant now) {
        Duration uptime = Duration.between(startedAt, now);
        if (uptime.isNegative()) uptime = Duration.ZERO; // clock stepped back (NTP after boot on a Pi without RTC)
        JsonObject json = new JsonObject();
        json.add("version", Json.string(version));
        json.add("framework", Json.string(framework));
        json.add("java", Json.string(java));
        json.add("startedAt", Json.time(startedAt));
        json.add("uptime", Json.duration(uptime));
        json.addProperty("uptimeSeconds", uptime.getSeconds());
        return json;
    }
}
