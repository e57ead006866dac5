package org.microsmartgrid.demo;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses the demo's ports: the usual ones (8090 for the map, 8101… for the modules) when they are free, so the
 * addresses are easy to remember, any free one otherwise (or always, for tests). Never the same port twice.
 */
final class Ports {
    private final boolean anyPort;
    private final Set<Integer> taken = new HashSet<>();

    Ports(boolean anyPort) {
        this.anyPort = anyPort;
    }

    /** A free TCP port on 127.0.0.1: {@code preferred} if it is free, else one the system gives. */
    synchronized int tcp(int preferred) throws IOException {
        if (!anyPort && !taken.contains(preferred) && tcpFree(preferred)) return take(preferred);
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                if (!taken.contains(s.getLocalPort())) return take(s.getLocalPort());
            }
        }
        throw new IOException("no free TCP port");
    }

    /** A free UDP port on 127.0.0.1 (CoAP): {@code preferred} if free, else one the system gives. */
    synchronized int udp(int preferred) throws IOException {
        if (!anyPort && !taken.contains(preferred) && udpFree(preferred)) return take(preferred);
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                if (!taken.contains(s.getLocalPort())) return take(s.getLocalPort());
            }
        }
        throw new IOException("no free UDP port");
    }

    private int take(int port) {
        taken.add(port);
        return port;
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
