package org.microsmartgrid.building.access.security;

/** What a security input senses. Life-safety and tamper inputs cannot be disarmed. */
public enum InputType {
    CONTACT(false), PIR(false), TAMPER(true), SMOKE(true), FLOOD(true);

    private final boolean alwaysArmed;

    InputType(boolean alwaysArmed) {
        this.alwaysArmed = alwaysArmed;
    }

    public boolean alwaysArmed() {
        return alwaysArmed;
    }
}
