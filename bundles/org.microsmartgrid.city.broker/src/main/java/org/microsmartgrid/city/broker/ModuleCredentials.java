package org.microsmartgrid.city.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The credentials in force, by client id. Immutable: a configuration change swaps the whole set. */
public final class ModuleCredentials {

    private final Map<String, ModuleCredential> byClient;

    private ModuleCredentials(Map<String, ModuleCredential> byClient) {
        this.byClient = Map.copyOf(byClient);
    }

    /**
     * @param errors where each unreadable line goes (with its position); such lines admit nobody
     */
    public static ModuleCredentials parse(String[] lines, List<String> errors) {
        Map<String, ModuleCredential> m = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.length; i++) {
            if (lines[i] == null || lines[i].isBlank()) continue;
            try {
                ModuleCredential c = ModuleCredential.parse(lines[i]);
                if (m.containsKey(c.clientId())) {
                    errors.add("modules[" + i + "]: client id " + c.clientId() + " appears twice; both refused");
                    seen.add(c.clientId());
                    continue;
                }
                m.put(c.clientId(), c);
            } catch (RuntimeException e) {
                errors.add("modules[" + i + "]: " + e.getMessage());
            }
        }
        seen.forEach(m::remove);
        return new ModuleCredentials(m);
    }

    public Optional<ModuleCredential> byClient(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byClient.get(clientId));
    }

    public int size() {
        return byClient.size();
    }
}
