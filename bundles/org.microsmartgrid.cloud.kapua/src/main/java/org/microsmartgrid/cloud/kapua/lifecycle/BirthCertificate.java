package org.microsmartgrid.cloud.kapua.lifecycle;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import com.google.gson.Gson;

/**
 * The BIRTH (and APPS) metrics of DESIGN.md §6. Every value is a STRING: Kapua casts each one to a string and
 * misreads anything else. {@code application_ids} lists exactly the request handlers registered now.
 */
public final class BirthCertificate {

    private static final Gson GSON = new Gson();
    /** Our own metric: hex SHA-256 of the module's claim code (docs/cloud-telemetry.md), never the code. */
    public static final String CLAIM_HASH = "claim_hash";

    private BirthCertificate() {
    }

    /**
     * @param identity       what the installer configured (display name, model, serial...)
     * @param framework      the OSGi framework's name and version
     * @param appIds         the application ids served now
     * @param extended       our own facts for {@code extended_properties} (sockets, meters...)
     */
    public static Map<String, Object> metrics(DeviceIdentity identity, String[] framework, Collection<String> appIds,
                                              Map<String, String> extended) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
        m.put("display_name", identity.displayName());
        m.put("model_name", identity.modelName());
        m.put("model_id", identity.modelId());
        m.put("part_number", identity.partNumber());
        m.put("serial_number", identity.serialNumber());
        m.put("firmware_version", identity.firmwareVersion());
        m.put("bios_version", "N/A");
        m.put("cpu_version", System.getProperty("os.arch", ""));
        m.put("os", System.getProperty("os.name", ""));
        m.put("os_version", System.getProperty("os.version", ""));
        m.put("os_arch", System.getProperty("os.arch", ""));
        m.put("jvm_name", System.getProperty("java.vm.name", ""));
        m.put("jvm_version", System.getProperty("java.vm.version", ""));
        m.put("jvm_profile", "JavaSE-" + Runtime.version().feature());
        m.put("jvm_vendor", System.getProperty("java.vm.vendor", ""));
        m.put("kura_version", "N/A"); // not a Kura gateway; the framework below says what runs
        m.put("application_framework", "Micro Smart Grid");
        m.put("application_framework_version", identity.firmwareVersion());
        m.put("osgi_framework", framework[0]);
        m.put("osgi_framework_version", framework[1]);
        m.put("connection_interface", DeviceFacts.interfaceName());
        m.put("connection_ip", DeviceFacts.interfaceAddress());
        m.put("accept_encoding", "gzip");
        m.put("application_ids", String.join(",", new TreeSet<>(appIds)));
        m.put("available_processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("total_memory", Long.toString(Runtime.getRuntime().maxMemory() / 1024)); // kB, as Kura
        m.put("payload_encoding", "kura-protobuf");
        m.put("extended_properties", GSON.toJson(Map.of("version", "1.0", "properties",
                Map.of("MicroSmartGrid", new java.util.TreeMap<>(extended)))));
        return m;
    }

    /** The APPS message: the same certificate (Kapua updates the device's applications from it). */
    public static Map<String, Object> apps(DeviceIdentity identity, String[] framework, Collection<String> appIds,
                                           Map<String, String> extended) {
        return metrics(identity, framework, appIds, extended);
    }

    /** The DC message's metrics. */
    public static Map<String, Object> disconnect(DeviceIdentity identity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime", Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
        m.put("display_name", identity.displayName());
        return m;
    }
}
