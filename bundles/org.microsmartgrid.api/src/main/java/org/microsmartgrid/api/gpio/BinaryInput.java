package org.microsmartgrid.api.gpio;

import org.osgi.annotation.versioning.ProviderType;

/** A claimed input pin, in logical terms: active is "contact closed / sensor triggered" whatever the polarity. */
@ProviderType
public interface BinaryInput {
    boolean active();
}
