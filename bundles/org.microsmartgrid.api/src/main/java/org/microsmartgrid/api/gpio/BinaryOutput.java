package org.microsmartgrid.api.gpio;

import org.osgi.annotation.versioning.ProviderType;

/** A claimed output pin, in logical terms: active is "energised" whatever the wiring's polarity. */
@ProviderType
public interface BinaryOutput {
    void set(boolean active);

    boolean active();
}
