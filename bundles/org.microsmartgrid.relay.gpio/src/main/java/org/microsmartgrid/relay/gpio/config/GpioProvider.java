package org.microsmartgrid.relay.gpio.config;

/** Which Pi4J plugin drives the pins. */
public enum GpioProvider {
    /** Linux GPIO character device through libgpiod: the one to use on a Raspberry Pi 4 or 5. */
    GPIOD,
    /** Legacy sysfs interface (/sys/class/gpio): older kernels only. */
    LINUXFS,
    /** No hardware: Pi4J's mock pins, for the laptop demo and tests. */
    MOCK
}
