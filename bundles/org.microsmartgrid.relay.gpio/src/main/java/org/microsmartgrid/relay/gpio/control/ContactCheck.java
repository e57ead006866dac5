package org.microsmartgrid.relay.gpio.control;

/** What a disagreement between the output and the contactor's auxiliary contact means. */
final class ContactCheck {
    private ContactCheck() {}

    /**
     * @param outputOn      the output is driving the relay ON
     * @param contactClosed the auxiliary contact reads closed
     * @param afterSwitch   the settle time after our own switch just ran out (else nobody switched)
     * @return null when they agree, otherwise the fault to report
     */
    static String fault(boolean outputOn, boolean contactClosed, boolean afterSwitch) {
        if (outputOn == contactClosed) return null;
        if (afterSwitch) return outputOn ? "stuck open: the contact did not close when switched ON"
                : "stuck closed: the contact did not open when switched OFF";
        return outputOn ? "contact opened by itself while ON" : "contact closed by itself while OFF";
    }
}
