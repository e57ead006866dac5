package org.microsmartgrid.meter.modbus.sunspec;

/**
 * One model found in a device's chain.
 *
 * @param id     model id (1 common, 103 three-phase inverter, 203 wye meter ...)
 * @param start  address of its first data register (after ID and L)
 * @param length number of data registers (L)
 */
public record SunSpecModel(int id, int start, int length) {
}
