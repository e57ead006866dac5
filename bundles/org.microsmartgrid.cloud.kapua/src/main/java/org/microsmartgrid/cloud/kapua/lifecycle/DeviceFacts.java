package org.microsmartgrid.cloud.kapua.lifecycle;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the device can tell about itself from the JVM and the network interfaces: the default client id (the MAC
 * address of the first real interface, as Kura does) and the connection's interface and address.
 */
public final class DeviceFacts {

    private DeviceFacts() {
    }

    /** The first up, non-loopback, non-virtual interface with a hardware address. */
    public static Optional<NetworkInterface> primaryInterface() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual()) continue;
                byte[] mac = ni.getHardwareAddress();
                if (mac != null && mac.length == 6) return Optional.of(ni);
            }
        } catch (SocketException e) {
            // no interfaces readable: callers fall back
        }
        return Optional.empty();
    }

    /** Kura's default client id: the MAC address as "AA:BB:CC:DD:EE:FF"; the host name without a network card. */
    public static String defaultClientId() {
        return primaryInterface().map(DeviceFacts::mac).orElseGet(DeviceFacts::hostName);
    }

    static String mac(NetworkInterface ni) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(ni.getHardwareAddress());
        } catch (SocketException e) {
            return hostName();
        }
    }

    public static String interfaceName() {
        return primaryInterface().map(NetworkInterface::getName).orElse("");
    }

    public static String interfaceAddress() {
        return primaryInterface().flatMap(ni -> ni.inetAddresses().filter(a -> a.getAddress().length == 4)
                .map(InetAddress::getHostAddress).findFirst()).orElse("");
    }

    static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.replaceAll("[/+#]", "-");
        } catch (java.io.IOException e) {
            return "msg-module";
        }
    }
}
