package org.eclipse.kura.configuration;

/**
 * Marker interface: a component providing it is shown and configured in Kura's web console and through Kapua's
 * CONF-V1 (same fully qualified name as Kura's, which is what both look for).
 */
public interface ConfigurableComponent {
}
