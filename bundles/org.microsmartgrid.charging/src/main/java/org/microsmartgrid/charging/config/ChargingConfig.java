package org.microsmartgrid.charging.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The sessions component's settings, as the web console (Felix or Kura) shows them. Validated by {@link ConfigValidator}. */
@ObjectClassDefinition(id = ChargingConfig.PID, name = "Micro Smart Grid charging sessions",
        description = "Charging sessions per socket: started by plugging in or with a driver's token, ended by "
                + "unplugging or on request; energy, solar share and cost recorded in an embedded database.")
public @interface ChargingConfig {

    /** The component name, service.pid and metatype id (Kura needs the three to be the same). */
    String PID = "org.microsmartgrid.charging.ChargingSessionsService";

    @AttributeDefinition(name = "Database path",
            description = "Sessions store file, without its .mvstore suffix (a sessions database of an earlier version, "
                    + "the same path + .mv.db, is imported once). ${msg.data} is the framework or system "
                    + "property msg.data (default: data, relative to the working directory).")
    String database_path() default "${msg.data}/sessions";

    @AttributeDefinition(name = "Default mode", options = {
            @Option(label = "Now", value = "NOW"), @Option(label = "Solar only", value = "SOLAR_ONLY")},
            description = "Mode of a session started by plugging in (SOLAR_AND_CHEAP needs a target and a deadline, "
                    + "so only a driver can choose it).")
    String default_mode() default "NOW";

    @AttributeDefinition(name = "Plug detection (W)", min = "1", max = "1000",
            description = "A socket drawing more than this without a session starts one.")
    double plug_detect_w() default 20;

    @AttributeDefinition(name = "Unplug after (s)", min = "10", max = "86400",
            description = "An open session whose socket draws less than the plug threshold this long, with its relay "
                    + "closed, ends with reason UNPLUGGED.")
    int unplug_after_s() default 120;

    @AttributeDefinition(name = "Hold after stop (s)", min = "0", max = "86400",
            description = "After a session is stopped (not unplugged), the socket stays off this long so that the "
                    + "vehicle still plugged in does not start a new session at once; a new start ends the hold. "
                    + "0: no hold.")
    int stop_hold_s() default 600;

    @AttributeDefinition(name = "Keep records (days)", min = "0", max = "36500",
            description = "Closed sessions older than this are deleted from the module (they were sent to the cloud "
                    + "long before). 0: keep forever.")
    int retention_days() default 400;

    @AttributeDefinition(name = "Tariff (EUR/kWh)",
            description = "Price of each ARERA band, one entry per band: F1=0.30, F2=0.25, F3=0.20.")
    String[] tariff_eur_kwh() default {"F1=0.30", "F2=0.25", "F3=0.20"};

    @AttributeDefinition(name = "Authorized tokens (SHA-256)", required = false,
            description = "SHA-256 of each token allowed to start a session, 64 hex digits (e.g. "
                    + "printf %s TOKEN | sha256sum). Tokens are never stored in clear. Empty: only plug-in starts.")
    String[] authorized_tokens() default {};

    @AttributeDefinition(name = "Shared fleet vehicles", required = false,
            description = "One entry per vehicle of the building's shared fleet: name=home socket (e.g. bike-7=2). "
                    + "Every session on a home socket is that vehicle's: its end by unplugging opens a trip, the next "
                    + "plug-in there closes it (docs/reservations.md). Empty: no trips recorded.")
    String[] fleet_vehicles() default {};
}
