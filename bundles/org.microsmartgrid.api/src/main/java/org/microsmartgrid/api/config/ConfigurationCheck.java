package org.microsmartgrid.api.config;

import java.util.List;
import java.util.Map;

/**
 * Judges a configuration the way its component would when activated or modified with it. Published by the
 * component's bundle as a service with the property {@link #PID}; the component itself uses the same rules, so a
 * writer that asks this check first never stores a value the component would refuse.
 */
public interface ConfigurationCheck {
    /** Service property: the PID (singleton) or factory PID whose configurations this check judges. */
    String PID = "msg.config.check.pid";

    /**
     * @param properties the complete properties of one configuration, as ConfigurationAdmin would store them
     * @return every problem, each naming its property and value; empty when the component accepts them
     */
    List<String> problems(Map<String, Object> properties);
}
