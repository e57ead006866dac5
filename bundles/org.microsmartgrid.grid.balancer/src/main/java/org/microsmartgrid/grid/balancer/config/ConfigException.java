package org.microsmartgrid.grid.balancer.config;

import java.util.List;

/** A configuration the balancer refuses, with every problem found (each naming its property). */
public final class ConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public ConfigException(String pid, List<String> problems) {
        super(pid + ": invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
