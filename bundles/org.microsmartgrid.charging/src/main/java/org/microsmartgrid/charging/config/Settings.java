package org.microsmartgrid.charging.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.api.charging.ChargingMode;

/**
 * The validated configuration.
 *
 * @param databasePath     the sessions store file without its .mvstore suffix, ${msg.data} resolved
 * @param defaultMode      mode of plug-detected sessions
 * @param plugDetectW      power above which a socket is in use, W
 * @param unplugAfter      how long below it (relay closed) ends an open session
 * @param priceEurKwhBand  price per ARERA band (F1, F2, F3), EUR/kWh
 * @param tokenHashes      SHA-256 hex (lower case) of the authorized tokens
 * @param stopHold         how long a socket stays off after a stop (zero: not at all)
 * @param retention        how long closed sessions are kept (zero: forever)
 * @param fleetHomes       the shared fleet: home socket → vehicle name (empty: no trips)
 */
public record Settings(String databasePath, ChargingMode defaultMode, double plugDetectW, Duration unplugAfter,
                       Map<String, Double> priceEurKwhBand, Set<String> tokenHashes, Duration stopHold,
                       Duration retention, Map<Integer, String> fleetHomes) {

    /** Without a shared fleet. */
    public Settings(String databasePath, ChargingMode defaultMode, double plugDetectW, Duration unplugAfter,
                    Map<String, Double> priceEurKwhBand, Set<String> tokenHashes, Duration stopHold,
                    Duration retention) {
        this(databasePath, defaultMode, plugDetectW, unplugAfter, priceEurKwhBand, tokenHashes, stopHold, retention,
                Map.of());
    }

    /** Without a hold after stop, keeping records forever. */
    public Settings(String databasePath, ChargingMode defaultMode, double plugDetectW, Duration unplugAfter,
                    Map<String, Double> priceEurKwhBand, Set<String> tokenHashes) {
        this(databasePath, defaultMode, plugDetectW, unplugAfter, priceEurKwhBand, tokenHashes, Duration.ZERO,
                Duration.ZERO);
    }

    public Settings {
        priceEurKwhBand = Map.copyOf(priceEurKwhBand);
        tokenHashes = Set.copyOf(tokenHashes);
        fleetHomes = Map.copyOf(fleetHomes);
    }

    /**
     * The price of a band; an unknown band (no balancer decision to take it from) is priced at the dearest band, so a
     * cost is never under-stated.
     */
    public double priceEurKwh(String band) {
        Double p = band == null ? null : priceEurKwhBand.get(band);
        return p != null ? p : priceEurKwhBand.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
