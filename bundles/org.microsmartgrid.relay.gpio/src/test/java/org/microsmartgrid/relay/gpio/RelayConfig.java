package org.microsmartgrid.relay.gpio;

import java.lang.annotation.Annotation;

/** What Configuration Admin would hand a relay; the defaults are those of {@link GpioRelayConfig}. */
record RelayConfig(String relay_id, int socket, String pin, boolean active_low, String feedback_pin,
                   boolean feedback_active_low, long min_on_ms, long min_off_ms, long feedback_settle_ms)
        implements GpioRelayConfig {

    static RelayConfig of(String id, int socket, String pin) {
        return new RelayConfig(id, socket, pin, false, "", false, 30000, 30000, 500);
    }

    RelayConfig activeLow() {
        return new RelayConfig(relay_id, socket, pin, true, feedback_pin, feedback_active_low, min_on_ms, min_off_ms, feedback_settle_ms);
    }

    RelayConfig feedback(String pin) {
        return new RelayConfig(relay_id, socket, this.pin, active_low, pin, feedback_active_low, min_on_ms, min_off_ms, feedback_settle_ms);
    }

    RelayConfig pin(String pin) {
        return new RelayConfig(relay_id, socket, pin, active_low, feedback_pin, feedback_active_low, min_on_ms, min_off_ms, feedback_settle_ms);
    }

    RelayConfig timing(long minOnMs, long minOffMs) {
        return new RelayConfig(relay_id, socket, pin, active_low, feedback_pin, feedback_active_low, minOnMs, minOffMs, feedback_settle_ms);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return GpioRelayConfig.class;
    }
}
