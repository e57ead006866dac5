package org.microsmartgrid.simulator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.microsmartgrid.testing.ComponentConfigs;
import org.osgi.framework.BundleContext;

/**
 * Issue 21, item 13: two demos on one machine. When the simulator's port is taken by another process (another demo's
 * simulator), the demo's module must not go on reading whatever answers there: with stop.module.on.bind.failure the
 * whole module stops; without it (a developer's setup) the component fails as before.
 */
class PortTakenTest {

    /** A BundleContext whose system bundle records that it was asked to stop. */
    private static BundleContext context(CountDownLatch stopped, long[] which) {
        Bundle system = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("stop") && (args == null || args.length == 0)) stopped.countDown();
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle") && args != null && args.length == 1) {
                        which[0] = (Long) args[0];
                        return system;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aDemoWhoseSimulatorCannotBindStopsTheModule() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CountDownLatch stopped = new CountDownLatch(1);
            long[] which = {-1};
            SimulatedBuilding component = new SimulatedBuilding();
            IOException e = assertThrows(IOException.class, () -> component.activate(ComponentConfigs.of(
                    SimulatedBuildingConfig.class, "port", other.getLocalPort(), "stop.module.on.bind.failure", true),
                    context(stopped, which)));
            assertTrue(e.getMessage().contains(Integer.toString(other.getLocalPort())), e.getMessage());
            assertTrue(stopped.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS), "the module was not stopped");
            assertTrue(which[0] == 0, "the system bundle (0) is what stops the module, got bundle " + which[0]);
        }
    }

    @Test
    void withoutTheDemoFlagOnlyTheComponentFails() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long[] which = {-1};
            SimulatedBuilding component = new SimulatedBuilding();
            assertThrows(IOException.class, () -> component.activate(ComponentConfigs.of(SimulatedBuildingConfig.class,
                    "port", other.getLocalPort()), context(new CountDownLatch(1), which)));
            // the system bundle is looked up before activate returns when, and only when, the module is to stop
            assertTrue(which[0] == -1, "a developer's module keeps running: the system bundle was not even looked up");
        }
    }
}
