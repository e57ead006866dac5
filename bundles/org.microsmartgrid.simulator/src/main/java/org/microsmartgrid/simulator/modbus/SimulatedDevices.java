package org.microsmartgrid.simulator.modbus;

import org.microsmartgrid.simulator.model.HomeBattery;
import org.microsmartgrid.simulator.model.SiteSnapshot;
import org.microsmartgrid.simulator.model.SocketMeterValues;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The building's Modbus devices by unit id: the grid SDM630, the SunSpec inverter and one SDM120 per socket. Renders
 * a model snapshot into each device's registers, applying the device's NAN fault while rendering.
 */
public final class SimulatedDevices {
    private final int gridUnit;
    private final int pvUnit;
    private final Map<Integer, Integer> socketUnits = new LinkedHashMap<>();
    private final Map<Integer, DeviceProcessImage> units = new LinkedHashMap<>();
    private final String pvSerial;
    private int batteryUnit = -1;
    private HomeBattery battery;

    private final SlowLine line = new SlowLine();

    /**
     * @param gridUnit        unit id of the grid meter
     * @param pvUnit          unit id of the inverter
     * @param socketUnitBase  socket n's meter answers to base + n
     * @param sockets         socket numbers
     * @param pvSerial        the inverter's serial number
     * @param silentHold      how long a SILENT device holds a request at most
     */
    public SimulatedDevices(int gridUnit, int pvUnit, int socketUnitBase, List<Integer> sockets, String pvSerial, Duration silentHold) {
        this.gridUnit = gridUnit;
        this.pvUnit = pvUnit;
        this.pvSerial = pvSerial;
        add(gridUnit, silentHold);
        add(pvUnit, silentHold);
        for (int socket : sockets) {
            socketUnits.put(socket, socketUnitBase + socket);
            add(socketUnitBase + socket, silentHold);
        }
    }

    private void add(int unit, Duration silentHold) {
        DeviceProcessImage image = new DeviceProcessImage(unit, silentHold);
        if (units.putIfAbsent(unit, image) != null) {
            throw new IllegalArgumentException("unit id " + unit + " is used twice");
        }
        image.line(line);
    }

    /** How long each request holds the line shared by every unit (0: answers at once). */
    public void lineDelay(Duration d) {
        line.delay(d);
    }

    /**
     * Adds the home battery as a SunSpec device on its own unit id; its model 124 controls are written through
     * {@code apply} (offset, word), which answers false for a point that is not writable.
     */
    public void addBattery(int unit, HomeBattery b, Duration silentHold, ControlWrite apply) {
        add(unit, silentHold);
        batteryUnit = unit;
        battery = b;
        units.get(unit).acceptWrites(new HoldingWrites() {
            @Override
            public boolean writable(int address) {
                int o = SunSpecBattery.storageOffset(address);
                return o >= 0 && HomeBattery.writable(o);
            }

            @Override
            public void write(int address, int word) {
                apply.write(SunSpecBattery.storageOffset(address), word);
            }
        });
    }

    /** A write of one model 124 point, by its offset in the model. */
    @FunctionalInterface
    public interface ControlWrite {
        void write(int offset, int word);
    }

    public Map<Integer, DeviceProcessImage> units() {
        return Collections.unmodifiableMap(units);
    }

    public DeviceProcessImage unit(int unitId) {
        DeviceProcessImage d = units.get(unitId);
        if (d == null) throw new IllegalArgumentException("no device answers to unit id " + unitId + " (units: " + units.keySet() + ")");
        return d;
    }

    public void setFault(int unitId, DeviceFault fault) {
        unit(unitId).setFault(fault);
    }

    /** Renders every device's registers from one snapshot and swaps them in. */
    public void publish(SiteSnapshot snapshot) {
        DeviceProcessImage grid = units.get(gridUnit);
        grid.publish(Sdm630Register.render(snapshot.grid(), grid.fault() == DeviceFault.NAN));
        DeviceProcessImage pv = units.get(pvUnit);
        pv.publish(SunSpecInverter.render(snapshot.pv(), pvSerial, pvUnit, pv.fault() == DeviceFault.NAN));
        if (battery != null) {
            DeviceProcessImage b = units.get(batteryUnit);
            b.publish(SunSpecBattery.render(battery, snapshot.grid().phases().get(0).voltage(), snapshot.grid().frequency(),
                    pvSerial + "-B", batteryUnit, b.fault() == DeviceFault.NAN));
        }
        for (SocketMeterValues s : snapshot.sockets()) {
            DeviceProcessImage meter = units.get(socketUnits.get(s.socket()));
            meter.publish(Sdm120Register.render(s, meter.fault() == DeviceFault.NAN));
        }
    }
}
