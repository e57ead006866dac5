package org.microsmartgrid.building.access.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.BinaryOutput;

/** A strike output and a door contact a test can read and set. */
public final class FakePins {
    public final AtomicBoolean strike = new AtomicBoolean();
    public final AtomicBoolean doorOpen = new AtomicBoolean();

    public BinaryOutput output() {
        return new BinaryOutput() {
            @Override
            public void set(boolean active) {
                strike.set(active);
            }

            @Override
            public boolean active() {
                return strike.get();
            }
        };
    }

    public BinaryInput contact() {
        return doorOpen::get;
    }
}
