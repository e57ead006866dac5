package org.microsmartgrid.console.commissioning;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The contract powers an Italian domestic supply can have (ARERA): 0.5 to 6 kW in 0.5 kW steps, then 7, 8, 9, 10,
 * 15, 20, 25 and 30 kW. The installer picks one from the bill; a free number invites typos (3300 for 3 kW, which
 * would let the loop use the tolerance as if it were contract power). The distributor's meter allows the contract
 * power + 10 % indefinitely and trips later above it: that is what the page shows next to each step.
 */
public final class ContractPowers {

    public static final List<Integer> DOMESTIC_W = IntStream.concat(IntStream.rangeClosed(1, 12).map(i -> i * 500),
            IntStream.of(7000, 8000, 9000, 10000, 15000, 20000, 25000, 30000)).boxed().toList();

    /** Most Italian homes. */
    public static final int COMMON_W = 3000;

    private ContractPowers() {
    }

    /** What the meter tolerates indefinitely: contract + 10 %. */
    public static int toleratedW(int contractW) {
        return contractW + contractW / 10;
    }

    /** "4,5 kW (il contatore tollera 4,95 kW / the meter tolerates 4.95 kW)". */
    public static String label(int contractW) {
        return kw(contractW, ',') + " kW (il contatore tollera " + kw(toleratedW(contractW), ',')
                + " kW / the meter tolerates " + kw(toleratedW(contractW), '.') + " kW)";
    }

    /**
     * @param value the form's value, in W
     * @throws IllegalArgumentException a value that is not an ARERA step, with the message for the installer
     */
    public static int parse(String value) {
        int w;
        try {
            w = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("potenza impegnata non valida / invalid contract power: '" + value + "'");
        }
        if (!DOMESTIC_W.contains(w)) throw new IllegalArgumentException("" + w + " W non è un gradino ARERA / is not an "
                + "ARERA contract step (0,5–6 kW a passi di 0,5; 7, 8, 9, 10, 15, 20, 25, 30 kW)");
        return w;
    }

    static String kw(int watts, char decimal) {
        String s = watts % 1000 == 0 ? Integer.toString(watts / 1000)
                : String.format(Locale.ROOT, "%s", new java.math.BigDecimal(watts).movePointLeft(3).stripTrailingZeros()
                .toPlainString());
        return s.replace('.', decimal);
    }
}
