package org.microsmartgrid.coap.ipso;

import java.time.Instant;
import org.microsmartgrid.api.meter.MeterReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;
import org.microsmartgrid.coap.state.SocketPack;
import org.microsmartgrid.coap.state.Sources;

/**
 * The module's data as IPSO object instances, built from the definitions ({@link ObjectModel}) so that every
 * resource number and unit is the one OMA published. Instance numbers are fixed, so a tool configured once keeps
 * reading the same thing:
 * <ul>
 * <li>3305 Power Measurement: 0 the grid connection (import positive, export negative), 1 PV, 2 the battery
 * (discharge positive), and {@code 10 + n} socket n;</li>
 * <li>3306 Actuation: {@code n} socket n, whose On/Off (5850) is whether the socket may charge (SiteControl's enable;
 * the loop still decides when its relay closes).</li>
 * </ul>
 * Each instance carries Application Type (5750), e.g. "grid" or "socket 3", so a generic tool can label it. A value
 * the module does not know now (no GOOD reading) is left out, as in our own resources.
 */
public final class IpsoInstances {

    public static final int ACTIVE_POWER = 5800;
    public static final int CUMULATIVE_ACTIVE_POWER = 5805;
    public static final int APPLICATION_TYPE = 5750;
    public static final int ON_OFF = 5850;
    /** 3305 instance of socket n is this plus n. */
    public static final int SOCKET_INSTANCE_OFFSET = 10;

    private final ObjectModel power;
    private final ObjectModel actuation;

    public IpsoInstances(ObjectModel power, ObjectModel actuation) {
        this.power = power;
        this.actuation = actuation;
        // fail at start, not on a request, if a definition lacks what we serve
        for (int r : new int[] {ACTIVE_POWER, CUMULATIVE_ACTIVE_POWER, APPLICATION_TYPE}) power.resource(r);
        for (int r : new int[] {ON_OFF, APPLICATION_TYPE}) actuation.resource(r);
    }

    public ObjectModel power() {
        return power;
    }

    public ObjectModel actuation() {
        return actuation;
    }

    /** The 3305 instances the module has now, by instance number, each with its Application Type. */
    public SortedMap<Integer, String> powerInstances(Sources s, Instant now) {
        SortedMap<Integer, String> instances = new TreeMap<>();
        for (MeterReading m : s.site(now).meters()) {
            if (m.role() == null) continue;
            switch (m.role()) {
                case GRID -> instances.put(0, "grid");
                case PV -> instances.put(1, "pv");
                case BATTERY -> instances.put(2, "battery");
                case SOCKET -> { if (m.socket() > 0) instances.put(SOCKET_INSTANCE_OFFSET + m.socket(), "socket " + m.socket()); }
                default -> { }
            }
        }
        return instances;
    }

    /** The 3306 instances: one per socket the module knows. */
    public SortedMap<Integer, String> actuationInstances(Sources s, Instant now) {
        SortedMap<Integer, String> instances = new TreeMap<>();
        for (int n : SocketPack.sockets(s, now)) instances.put(n, "socket " + n);
        return instances;
    }

    /** /3305/{instance} as a SenML pack named as LwM2M names it: base name "/3305/i/", record names the resource ids. */
    public SenmlPack powerPack(Sources s, int instance, Instant now) {
        List<SenmlRecord> r = new ArrayList<>();
        Optional<MeterRole> role = role(instance);
        List<MeterReading> meters = role.isEmpty() ? List.of() : s.site(now).meters().stream().filter(m -> m.role() == role.get()
                && (role.get() != MeterRole.SOCKET || m.socket() == instance - SOCKET_INSTANCE_OFFSET)).toList();
        Double w = sum(meters, Channel.ACTIVE_POWER);
        if (w != null) r.add(number(power, ACTIVE_POWER, w));
        Double wh = sum(meters, Channel.IMPORT_ENERGY);
        if (wh == null) wh = sum(meters, Channel.TOTAL_ENERGY);
        if (wh != null) r.add(number(power, CUMULATIVE_ACTIVE_POWER, wh));
        String type = powerInstances(s, now).get(instance);
        if (type != null) r.add(SenmlRecord.string(Integer.toString(APPLICATION_TYPE), type));
        return new SenmlPack(base(power, instance), seconds(now), r);
    }

    /** /3306/{socket}: On/Off (may charge) and Application Type; On/Off absent while the loop is not running. */
    public SenmlPack actuationPack(Sources s, int socket, Instant now) {
        List<SenmlRecord> r = new ArrayList<>();
        SiteControl control = s.siteControl();
        if (control != null)
            r.add(SenmlRecord.bool(Integer.toString(ON_OFF), !control.disabledSockets().containsKey(socket)));
        r.add(SenmlRecord.string(Integer.toString(APPLICATION_TYPE), "socket " + socket));
        return new SenmlPack(base(actuation, socket), seconds(now), r);
    }

    /** SenML's base time: seconds since the epoch. */
    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    public static String base(ObjectModel object, int instance) {
        return "/" + object.id() + "/" + instance + "/";
    }

    private static Optional<MeterRole> role(int instance) {
        if (instance == 0) return Optional.of(MeterRole.GRID);
        if (instance == 1) return Optional.of(MeterRole.PV);
        if (instance == 2) return Optional.of(MeterRole.BATTERY);
        if (instance > SOCKET_INSTANCE_OFFSET) return Optional.of(MeterRole.SOCKET);
        return Optional.empty();
    }

    /** A number with the unit the definition gives (SenML wants it; an empty one is left out). */
    private static SenmlRecord number(ObjectModel object, int resource, double value) {
        String unit = object.resource(resource).units();
        return SenmlRecord.number(Integer.toString(resource), unit.isEmpty() ? null : unit, value);
    }

    private static Double sum(List<MeterReading> meters, Channel channel) {
        Double total = null;
        for (MeterReading m : meters) {
            Optional<Double> v = m.good(channel);
            if (v.isPresent()) total = (total == null ? 0 : total) + v.get();
        }
        return total;
    }
}
