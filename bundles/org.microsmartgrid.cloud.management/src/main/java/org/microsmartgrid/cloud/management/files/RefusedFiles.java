package org.microsmartgrid.cloud.management.files;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.microsmartgrid.api.health.HealthProblems;
import org.osgi.service.component.annotations.Component;

/**
 * The configuration files the {@link ConfigFileGate} refuses, shown on {@code /status} until they are fixed or
 * deleted. Apart from the gate so that nothing of FileInstall is loaded where there is none (a Kura gateway).
 */
@Component(service = {RefusedFiles.class, HealthProblems.class})
public class RefusedFiles implements HealthProblems {
    private final Map<String, String> refused = new TreeMap<>();

    /** @return true when this is news (not the same refusal of the same file again) */
    synchronized boolean refused(String fileName, String why) {
        return !why.equals(refused.put(fileName, why));
    }

    synchronized void cleared(String fileName) {
        refused.remove(fileName);
    }

    @Override
    public synchronized List<Problem> problems() {
        return refused.entrySet().stream().map(e -> new Problem("file " + e.getKey(),
                "file di configurazione rifiutato, non applicato / configuration file refused, not applied: "
                        + e.getValue())).toList();
    }
}
