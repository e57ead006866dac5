package org.microsmartgrid.relay.gpio;

import java.lang.annotation.Annotation;

/** What Configuration Admin would hand the GPIO chip. */
record ChipConfig(String provider, String board, String[] board_pins) implements GpioChipConfig {

    static ChipConfig mockWaveshare() {
        return new ChipConfig("MOCK", "laptop demo: Waveshare RPi Relay Board pin map", new String[] {"CH1=26", "CH2=20", "CH3=21"});
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return GpioChipConfig.class;
    }
}
