package org.microsmartgrid.host.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Micro Smart Grid host page",
        description = "The building's page at /building/: who may log in, the site's grid prices, and what the host may change.")
public @interface HostPageConfig {
    String PID = "org.microsmartgrid.host.HostPage";

    @AttributeDefinition(name = "Hosts", description = "One name:pbkdf2-sha256$... line per host (made with the console's "
            + "HashPassword). At least one: there is no default account. Hosts see everything and may change what is allowed below.")
    String[] hosts();

    @AttributeDefinition(name = "Members", description = "One name:hash line per member (e.g. a resident): read only.",
            required = false)
    String[] members() default {};

    @AttributeDefinition(name = "Grid price (EUR/kWh)", description = "What a kWh from the grid costs in each ARERA band, "
            + "everything included: F1=0.30, F2=0.27, F3=0.22.")
    String[] grid_price_eur_kwh() default {"F1=0.30", "F2=0.27", "F3=0.22"};

    @AttributeDefinition(name = "Export price (EUR/kWh)", description = "What a kWh sold to the grid earns (0..10).")
    double export_price_eur_kwh() default 0.10;

    @AttributeDefinition(name = "Host may disable sockets", description = "Installer's choice.")
    boolean allow_disable() default true;

    @AttributeDefinition(name = "Host may change a session's mode", description = "NOW or SOLAR_ONLY, on an open session. Installer's choice.")
    boolean allow_mode() default true;

    @AttributeDefinition(name = "Host may cap the grid import", description = "A temporary cap below the contract limit. Installer's choice.")
    boolean allow_cap() default false;

    @AttributeDefinition(name = "Lowest cap (W)", description = "The host may not cap the import below this (> 0).")
    double cap_min_w() default 1500;

    @AttributeDefinition(name = "Longest cap (min)", description = "A cap the host sets ends within this many minutes (1..1440).")
    int cap_max_minutes() default 240;
}
