package org.microsmartgrid.relay.gpio.config;

/**
 * A configuration value that cannot be used. The message names the configuration (pid) and the property, so the
 * installer reading the log or the console knows what to fix.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pid;
    private final String property;

    public InvalidConfigurationException(String pid, String property, String problem) {
        super("configuration " + pid + ": property '" + property + "' " + problem);
        this.pid = pid;
        this.property = property;
    }

    public String pid() {
        return pid;
    }

    public String property() {
        return property;
    }
}
