package org.microsmartgrid.meter.modbus.config;

import java.util.Objects;

import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.meter.modbus.profiles.Profile;
import org.microsmartgrid.meter.modbus.registers.GenericMapParser;
import org.microsmartgrid.meter.modbus.registers.RegisterMap;
import org.microsmartgrid.meter.modbus.registers.Registers;

/**
 * A meter's validated configuration.
 *
 * @param meterId            unique meter id
 * @param busId              the bus the meter is on
 * @param busTarget          the reference filter currently configured (bus.target)
 * @param unitId             Modbus unit id 1..247
 * @param profile            register map / discovery
 * @param role               where the meter sits
 * @param socket             socket number for SOCKET, 0 otherwise
 * @param invert             flip the power sign and swap import/export energy
 * @param timing             poll intervals and quality thresholds (can change live)
 * @param sunspecBaseAddress where to look for "SunS" first
 * @param genericMap         the parsed register map for GENERIC, null otherwise
 */
public record MeterSettings(String meterId, String busId, String busTarget, int unitId, Profile profile,
                            MeterRole role, int socket, boolean invert, Timing timing, int sunspecBaseAddress,
                            RegisterMap genericMap) {

    /**
     * What can change while the meter keeps polling.
     *
     * @param fastMs            fast poll interval
     * @param slowMs            slow poll interval
     * @param staleAfterMs      age of the last good fast values beyond which the reading is STALE
     * @param failedAfterErrors consecutive errors that make the reading FAILED
     */
    public record Timing(long fastMs, long slowMs, long staleAfterMs, int failedAfterErrors) {
    }

    /** Validates a configuration; the exception lists every bad property. */
    public static MeterSettings from(ModbusMeterConfig c) {
        Problems p = new Problems();
        p.id("meter.id", c.meter_id());
        p.id("bus.id", c.bus_id());
        p.range("unit.id", c.unit_id(), 1, 247);
        Profile profile = p.choice("profile", c.profile(), Profile::parse);
        MeterRole role = null;
        if (c.meter_role() == null || c.meter_role().isBlank())
            p.add("meter.role is required (GRID, PV, BATTERY, SOCKET or BUILDING): a meter in the wrong role misleads "
                    + "the balancer, so there is no default / meter.role è obbligatorio");
        else role = p.choice("meter.role", c.meter_role(), MeterSettings::role);
        if (role == MeterRole.SOCKET && c.meter_socket() <= 0)
            p.add("meter.socket must be > 0 for meter.role SOCKET (got " + c.meter_socket() + ")");
        if (role != null && role != MeterRole.SOCKET && c.meter_socket() != 0)
            p.add("meter.socket = " + c.meter_socket() + " is only allowed for meter.role SOCKET (role is " + role + "); use 0");
        p.atLeast("poll.fast.ms", c.poll_fast_ms(), 10);
        p.atLeast("poll.slow.ms", c.poll_slow_ms(), 10);
        p.atLeast("stale.after.ms", c.stale_after_ms(), 1);
        p.atLeast("failed.after.errors", c.failed_after_errors(), 1);
        p.range("sunspec.base.address", c.sunspec_base_address(), 0, Registers.MAX_ADDRESS);
        RegisterMap generic = null;
        String[] registers = c.registers() == null ? new String[0] : c.registers();
        if (profile == Profile.GENERIC) {
            try {
                generic = GenericMapParser.parse(registers);
            } catch (IllegalArgumentException e) {
                p.add("registers: " + e.getMessage());
            }
        } else if (registers.length > 0 && profile != null) {
            p.add("registers are only used by profile GENERIC (profile is " + profile + "); remove them");
        }
        p.throwIfAny();
        Timing timing = new Timing(c.poll_fast_ms(), c.poll_slow_ms(), c.stale_after_ms(), c.failed_after_errors());
        String target = c.bus_target() == null ? "" : c.bus_target().trim();
        return new MeterSettings(c.meter_id(), c.bus_id(), target, c.unit_id(), profile, role, c.meter_socket(),
                c.invert_power(), timing, c.sunspec_base_address(), generic);
    }

    private static MeterRole role(String text) {
        try {
            return MeterRole.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (expected one of "
                    + java.util.Arrays.toString(MeterRole.values()) + ")");
        }
    }

    /** The bus.target filter that selects exactly this meter's bus. */
    public String expectedBusTarget() {
        return BusTarget.filterFor(busId);
    }

    /** True when the two differ only in timing, which a running meter can take over without restarting. */
    public boolean sameDevice(MeterSettings o) {
        return meterId.equals(o.meterId) && busId.equals(o.busId) && unitId == o.unitId && profile == o.profile
                && role == o.role && socket == o.socket && invert == o.invert
                && sunspecBaseAddress == o.sunspecBaseAddress && Objects.equals(genericMap, o.genericMap);
    }

    /** For logs: "meter 'grid' (unit 1 on bus 'rs485')". */
    public String describe() {
        return "meter '" + meterId + "' (unit " + unitId + " on bus '" + busId + "')";
    }
}
