package org.microsmartgrid.coap.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.server.resources.Resource;
import org.microsmartgrid.coap.ipso.IpsoInstances;
import org.microsmartgrid.coap.ipso.ObjectModel;
import org.microsmartgrid.coap.senml.SenmlPack;

/**
 * The same data as IPSO Smart Objects at their standard paths ({@link IpsoInstances}): /3305/{i} Power Measurement and
 * /3306/{n} Actuation, each instance and each resource observable, listed in discovery with the object's URN as
 * {@code rt} so that generic LwM2M/IPSO tools and BMS gateways find them without a mapping of our names.
 */
final class IpsoTree {

    private final CoapContext context;
    private final IpsoInstances ipso;
    private final CoapResource power;
    private final CoapResource actuation;

    IpsoTree(CoapServer server, CoapContext context, IpsoInstances ipso) {
        this.context = context;
        this.ipso = ipso;
        power = object(ipso.power());
        actuation = object(ipso.actuation());
        sync();
        server.add(power, actuation);
    }

    private static CoapResource object(ObjectModel model) {
        CoapResource r = new CoapResource(Integer.toString(model.id()));
        r.getAttributes().setTitle(model.name());
        r.getAttributes().addResourceType(model.urn());
        return r;
    }

    /** Adds and removes instances to match the meters and sockets the module has now. */
    void sync() {
        sync(power, ipso.powerInstances(context.sources(), now()), i -> powerInstance(i));
        sync(actuation, ipso.actuationInstances(context.sources(), now()), n -> actuationInstance(n));
    }

    private static void sync(CoapResource object, Map<Integer, String> wanted, Function<Integer, CoapResource> create) {
        for (Resource child : new ArrayList<>(object.getChildren()))
            if (!wanted.containsKey(Integer.valueOf(child.getName()))) object.delete(child);
        for (int i : wanted.keySet()) if (object.getChild(Integer.toString(i)) == null) object.add(create.apply(i));
    }

    private CoapResource powerInstance(int i) {
        ObjectModel m = ipso.power();
        Supplier<SenmlPack> pack = () -> ipso.powerPack(context.sources(), i, now());
        IpsoInstanceResource instance = new IpsoInstanceResource(i, m.urn(), "core.s", context, pack);
        for (int rid : new int[] {IpsoInstances.ACTIVE_POWER, IpsoInstances.CUMULATIVE_ACTIVE_POWER, IpsoInstances.APPLICATION_TYPE})
            instance.add(new IpsoValueResource(m.resource(rid), m.urn(), context, pack));
        return instance;
    }

    private CoapResource actuationInstance(int socket) {
        ObjectModel m = ipso.actuation();
        Supplier<SenmlPack> pack = () -> ipso.actuationPack(context.sources(), socket, now());
        IpsoInstanceResource instance = new IpsoInstanceResource(socket, m.urn(), "core.a", context, pack);
        instance.add(new IpsoSwitchResource(socket, m.resource(IpsoInstances.ON_OFF), m.urn(), context, pack));
        instance.add(new IpsoValueResource(m.resource(IpsoInstances.APPLICATION_TYPE), m.urn(), context, pack));
        return instance;
    }

    private Instant now() {
        return context.clock().instant();
    }

    /** Every observable resource of the tree. */
    List<LiveResource> live() {
        List<LiveResource> all = new ArrayList<>();
        for (CoapResource object : List.of(power, actuation))
            for (Resource instance : object.getChildren()) {
                all.add((LiveResource) instance);
                for (Resource r : instance.getChildren()) all.add((LiveResource) r);
            }
        return all;
    }

    void notifyIfChanged(Instant now) {
        sync();
        live().forEach(r -> r.notifyIfChanged(now));
    }
}
