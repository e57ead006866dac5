package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapServer;
import org.microsmartgrid.coap.ipso.IpsoInstances;
import org.microsmartgrid.coap.ipso.IpsoModels;
import org.microsmartgrid.coap.state.SitePack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Our resources under the server's root (which already serves /.well-known/core):
 * /site, /site/cap, /site/reservations, /sockets, /sockets/{n}, /sockets/{n}/enabled, /building/doors,
 * /building/alarms, /building/access, /building/codes, and the site's data as IPSO objects under /3305 and /3306
 * ({@link IpsoTree}).
 */
final class ResourceTree {

    private final LiveResource site;
    private final CapResource cap;
    private final ReservationsResource reservations;
    private final SocketsResource sockets;
    private final IpsoTree ipso;
    private final BuildingResources building;

    ResourceTree(CoapServer server, CoapContext context) {
        site = new LiveResource("site", "msg.site", context, () -> SitePack.build(context.sources(), context.clock().instant()));
        cap = new CapResource(context);
        site.add(cap);
        reservations = new ReservationsResource(context);
        site.add(reservations);
        sockets = new SocketsResource(context);
        sockets.sync();
        building = new BuildingResources(context);
        server.add(site, sockets, building.root);
        ipso = new IpsoTree(server, context, new IpsoInstances(IpsoModels.load(IpsoModels.POWER_MEASUREMENT),
                IpsoModels.load(IpsoModels.ACTUATION)));
    }

    void notifyIfChanged(Instant now) {
        sockets.sync();
        site.notifyIfChanged(now);
        cap.notifyIfChanged(now);
        reservations.notifyIfChanged(now);
        sockets.notifyIfChanged(now);
        ipso.notifyIfChanged(now);
        notifyBuildingIfChanged(now);
    }

    /** Only /building/doors and /building/alarms: what an alarm or a door event changes (see {@link ChangeNotifier}). */
    void notifyBuildingIfChanged(Instant now) {
        building.live().forEach(r -> r.notifyIfChanged(now));
    }

    /**
     * Ends every observation with a final notification (see {@link LiveResource#endObservations}), all resources at
     * once, waiting at most {@code timeout} in all.
     *
     * @return whether every observer was told in time
     */
    boolean endObservations(Duration timeout) throws InterruptedException {
        List<LiveResource> all = new ArrayList<>(List.of(site, cap, reservations));
        all.addAll(sockets.live());
        all.addAll(ipso.live());
        all.addAll(building.live());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CountDownLatch> told = new ArrayList<>();
        for (LiveResource r : all) told.add(r.endObservations());
        boolean allTold = true;
        for (CountDownLatch t : told) allTold &= t.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return allTold;
    }
}
