package org.microsmartgrid.grid.balancer.config;

/**
 * Catches a double property typed without a decimal point in a FileInstall {@code .config} file: {@code D"10"} is
 * read as the raw IEEE-754 bits of the integer 10 ({@link Double#longBitsToDouble}), i.e. 4.9E-323, not as 10.0. Such
 * values are subnormal numbers no installer means; the message names what they probably meant.
 */
final class RawBitsDouble {
    private RawBitsDouble() {}

    static boolean suspect(double value) {
        return value != 0 && Math.abs(value) < Double.MIN_NORMAL;
    }

    static String problem(String property, double value) {
        long bits = Double.doubleToRawLongBits(value);
        return property + " = " + value + " looks like D\"" + bits + "\" written without a decimal point (a typed "
                + "double is read as raw bits): did you mean " + property + "=D\"" + bits + ".0\"? / valore double "
                + "senza punto decimale: intendevi D\"" + bits + ".0\"?";
    }
}
