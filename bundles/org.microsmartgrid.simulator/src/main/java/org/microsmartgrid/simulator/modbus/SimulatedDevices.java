package org.microsmartgrid.simulator.modbus;

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
        if (units.putIfAbsent(unit, new DeviceProcessImage(unit, silentHold)) != null) {
            throw new IllegalArgumentException("unit id " + unit + " is used twice");
        }
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
        for (SocketMeterValues s : snapshot.sockets()) {
            DeviceProcessImage meter = units.get(socketUnits.get(s.socket()));
            meter.publish(Sdm120Register.render(s, meter.fault() == DeviceFault.NAN));
        }
    }
}
