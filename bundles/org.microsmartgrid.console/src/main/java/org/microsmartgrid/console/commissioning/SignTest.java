package org.microsmartgrid.console.commissioning;

import java.util.Locale;

import org.microsmartgrid.api.meter.MeterRole;

/**
 * Whether a meter counts power the way its role says (GRID import positive, PV production positive, SOCKET and
 * BUILDING consumption positive). A meter mounted the other way round reads a real import as export, and the loop
 * would switch sockets on over the contract. The test: note the power, switch on a known load (a kettle, or a
 * charger on a socket), and watch the power change by about that much.
 */
public final class SignTest {

    public enum Outcome { RIGHT, INVERTED, NO_CHANGE, NOT_APPLICABLE }

    public record Verdict(Outcome outcome, String text) {
    }

    /** A change smaller than this is meter noise or the building's own fluctuation. */
    static final double NOISE_W = 30;

    private SignTest() {
    }

    /** The smallest change that counts as the load: half of what it draws, never less than the noise. */
    public static double threshold(double loadW) {
        return Math.max(NOISE_W, loadW / 2);
    }

    /**
     * @param role    the meter's role
     * @param beforeW its power when the test started
     * @param nowW    its power now, with the load on
     * @param loadW   what the installer's load draws (a kettle: about 2,000 W)
     */
    public static Verdict judge(MeterRole role, double beforeW, double nowW, double loadW) {
        if (role == MeterRole.BATTERY) return new Verdict(Outcome.NOT_APPLICABLE, "Batteria: la scarica deve essere "
                + "positiva; verificare sul display della batteria. / Battery: discharge must read positive; check "
                + "against the battery's own display.");
        if (role == MeterRole.PV) return pv(nowW);
        double change = nowW - beforeW;
        double threshold = threshold(loadW);
        String seen = String.format(Locale.ROOT, "%.0f W → %.0f W (%+.0f W)", beforeW, nowW, change);
        if (change >= threshold) return new Verdict(Outcome.RIGHT, "Segno corretto: la potenza è salita con il carico. "
                + "/ The sign is right: the power rose with the load. " + seen);
        if (change <= -threshold) return new Verdict(Outcome.INVERTED, "Segno invertito: la potenza è scesa quando il "
                + "carico è stato acceso. / The sign is inverted: the power fell when the load was switched on. " + seen);
        return new Verdict(Outcome.NO_CHANGE, String.format(Locale.ROOT, "Nessuna variazione di almeno %.0f W: il carico "
                + "è acceso? È sulla linea di questo contatore? / No change of at least %.0f W yet: is the load on? Is it "
                + "on this meter's line? ", threshold, threshold) + seen);
    }

    private static Verdict pv(double nowW) {
        String seen = String.format(Locale.ROOT, "%.0f W", nowW);
        if (nowW > NOISE_W) return new Verdict(Outcome.RIGHT, "Produzione positiva: segno corretto. / Production reads "
                + "positive: the sign is right. " + seen);
        if (nowW < -NOISE_W) return new Verdict(Outcome.INVERTED, "Produzione negativa: segno invertito. / Production "
                + "reads negative: the sign is inverted. " + seen);
        return new Verdict(Outcome.NO_CHANGE, "Nessuna produzione ora: ripetere con il sole. / No production now: repeat "
                + "in daylight. " + seen);
    }
}
