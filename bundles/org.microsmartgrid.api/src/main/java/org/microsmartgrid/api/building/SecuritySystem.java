package org.microsmartgrid.api.building;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The module's security inputs and their arming. Tamper, smoke and flood inputs are armed whatever the mode. */
@ProviderType
public interface SecuritySystem {

    List<InputState> inputs();

    /** AUTO (the configured schedule), ARMED or DISARMED (a person's choice, until changed). */
    String mode();

    /** Whether contacts and PIRs raise alarms now. */
    boolean armed();

    /**
     * @param mode AUTO, ARMED or DISARMED
     * @throws IllegalArgumentException for any other mode: nothing changes
     */
    void setMode(String mode, String by);
}
