package org.microsmartgrid.coap.config;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The module's identity as a SenML base name (RFC 8428 §4.5.1 wants names that are globally unique): the RFC 9039
 * device URN {@code urn:dev:mac:} with the EUI-64 of the first physical network interface (a MAC-48 becomes an EUI-64
 * by inserting FFFE in the middle), e.g. {@code urn:dev:mac:0024befffe804ff1:}.
 */
final class DeviceUrn {

    private DeviceUrn() {
    }

    /** The URN of this machine, or "urn:dev:mac:unknown:" with no interface that has a MAC (set senml.base.name). */
    static String ofThisMachine() {
        return firstMac().map(DeviceUrn::of).orElse("urn:dev:mac:unknown:");
    }

    static String of(byte[] mac) {
        HexFormat hex = HexFormat.of();
        if (mac.length == 8) return "urn:dev:mac:" + hex.formatHex(mac) + ":";
        return "urn:dev:mac:" + hex.formatHex(mac, 0, 3) + "fffe" + hex.formatHex(mac, 3, 6) + ":";
    }

    private static Optional<byte[]> firstMac() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(DeviceUrn::physical)
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
                    .map(DeviceUrn::mac).filter(m -> m != null && (m.length == 6 || m.length == 8) && !allZero(m))
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean physical(NetworkInterface ni) {
        try {
            return !ni.isLoopback() && !ni.isVirtual() && !ni.isPointToPoint();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean allZero(byte[] mac) {
        for (byte b : mac) if (b != 0) return false;
        return true;
    }

    private static byte[] mac(NetworkInterface ni) {
        try {
            return ni.getHardwareAddress();
        } catch (SocketException e) {
            return null;
        }
    }
}
