package org.microsmartgrid.meter.modbus.device;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every whiteboard listener with a reading. A throwing listener is logged (once, until it works again, not
 * four times a second) and never keeps the others from hearing about the reading.
 */
public final class ListenerFanout implements Consumer<MeterReading> {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerFanout.class);

    private final List<MeterListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<MeterListener> failing = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    public void add(MeterListener l) {
        listeners.add(l);
    }

    public void remove(MeterListener l) {
        listeners.remove(l);
        failing.remove(l);
    }

    @Override
    public void accept(MeterReading reading) {
        for (MeterListener l : listeners) {
            try {
                l.onReading(reading);
                failing.remove(l);
            } catch (RuntimeException | LinkageError e) {
                if (failing.add(l)) {
                    LOG.warn("Meter listener {} failed on a reading of meter '{}' (logged once until it succeeds again)",
                            l.getClass().getName(), reading.meterId(), e);
                } else {
                    LOG.debug("Meter listener {} failed again", l.getClass().getName(), e);
                }
            }
        }
    }
}
