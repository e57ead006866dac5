package org.microsmartgrid.cloud.kapua.link;

import java.time.Duration;

import javax.net.SocketFactory;

/**
 * How to reach the broker, already validated.
 *
 * @param brokerUrl     tcp://host:port or ssl://host:port
 * @param clientId      the MQTT client id (the device's id in Kapua)
 * @param username      broker user, or null
 * @param password      broker password, or null
 * @param keepAlive     MQTT keep-alive
 * @param reconnectMin  first wait after a lost or failed connection; doubled up to {@code reconnectMax}
 * @param reconnectMax  longest wait between attempts
 * @param window        messages in flight (published, not yet acknowledged) at most
 * @param socketFactory for ssl:// (a trust store's), or null for the JVM default
 */
public record LinkSettings(String brokerUrl, String clientId, String username, char[] password, Duration keepAlive,
                           Duration reconnectMin, Duration reconnectMax, int window, SocketFactory socketFactory) {
}
