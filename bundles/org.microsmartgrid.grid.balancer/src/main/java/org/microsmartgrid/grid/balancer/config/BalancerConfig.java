package org.microsmartgrid.grid.balancer.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The balancer's settings, as the web console (Felix or Kura) shows them. Validated by {@link ConfigValidator}. */
@ObjectClassDefinition(id = BalancerConfig.PID, name = "Micro Smart Grid balancer",
        description = "Decides every cycle which sockets are on: solar surplus first, never above the contract "
                + "power, cheap hours preferred, priority classes honoured, waiting sessions take turns.")
public @interface BalancerConfig {

    /** The component name, service.pid and metatype id (Kura needs the three to be the same). */
    String PID = "org.microsmartgrid.grid.balancer.Balancer";

    @AttributeDefinition(name = "Contract power (W)", required = true, min = "1",
            description = "The supply's contract power in W. Domestic ARERA steps: 500..6000 in steps of 500, then "
                    + "7000, 8000, 9000, 10000, 15000, 20000, 25000, 30000. Required.")
    int contract_power_w();

    @AttributeDefinition(name = "Grid meters", min = "1", max = "4",
            description = "How many meters with role GRID measure this site's supply (1 for one point of delivery). "
                    + "Their powers are added up; any other number of GRID meters puts the site in the safe state, "
                    + "because a meter left in the wrong role would hide the real import.")
    int grid_meters() default 1;

    @AttributeDefinition(name = "Non-domestic supply",
            description = "Allow any contract power > 0 (business supplies are not bound to the domestic steps).")
    boolean contract_nondomestic() default false;

    @AttributeDefinition(name = "Main fuse (W)", min = "0",
            description = "The supply's main fuse or breaker in W: rated current × 230 V × phases (32 A single "
                    + "phase: 7360; 3 × 25 A: 17250). Only bounds what a grid reading can plausibly be (1.45 × this); "
                    + "0 = not known: the bound is then 3 × contract × (1 + tolerance). Set it when the PV plant can "
                    + "export more than that.")
    int supply_fuse_w() default 0;

    @AttributeDefinition(name = "Meter tolerance (%)", min = "0", max = "10",
            description = "How far above the contract the meter tolerates indefinitely (10% in Italy).")
    double margin_percent() default 10;

    @AttributeDefinition(name = "Reserve (W)", min = "0",
            description = "Kept free below contract × (1 + tolerance) for meter noise and lag. "
                    + "Limit = contract × (1 + tolerance) − reserve.")
    int reserve_w() default 100;

    @AttributeDefinition(name = "Battery export limit (W)", min = "0",
            description = "How much the battery's discharge may push into the grid. 0: never discharge into the grid.")
    int export_limit_w() default 0;

    @AttributeDefinition(name = "Cycle (ms)", min = "50", max = "5000",
            description = "A cycle also runs on every fresh grid reading; this timer bounds the reaction to a silent meter.")
    int cycle_ms() default 250;

    @AttributeDefinition(name = "Stale grid reading (ms)", min = "50", max = "60000",
            description = "A grid value older than this puts the site in the safe state (sockets off unless idle). "
                    + "The safe state follows within this + cycle.ms: 700 + 250 keeps it under 1 s, and tolerates "
                    + "one lost reply of a 250 ms poll with a 300 ms Modbus timeout.")
    int stale_grid_ms() default 700;

    @AttributeDefinition(name = "Rotation period (s)", min = "1",
            description = "The turn of each socket when same-class sessions share too little power.")
    int rotation_period_s() default 900;

    @AttributeDefinition(name = "Hysteresis (W)", min = "0",
            description = "Extra headroom needed to switch a socket on, so noise does not make relays chatter.")
    int hysteresis_w() default 100;
    // (min 20 W: ConfigValidator.MIN_HYSTERESIS_W; below the meters' noise a socket at the edge of the limit chatters)

    @AttributeDefinition(name = "Minimum on-time (s)", min = "0", max = "3600",
            description = "A socket switched on stays on at least this long (except safety offs). Set it at least "
                    + "as long as the relay's own minimum, so the balancer never asks for a switch the relay defers.")
    int min_on_s() default 60;

    @AttributeDefinition(name = "Minimum off-time (s)", min = "0", max = "3600",
            description = "A socket switched off stays off at least this long. At least the relay's own minimum.")
    int min_off_s() default 60;

    @AttributeDefinition(name = "Idle threshold (W)", min = "0", max = "100",
            description = "Below this a socket's own meter proves it idle (it may stay on in the safe state).")
    double idle_w() default 10;

    @AttributeDefinition(name = "Cheap bands", cardinality = 3,
            description = "ARERA bands in which SOLAR_AND_CHEAP sessions may use the grid.",
            options = {@Option(label = "F1 (peak)", value = "F1"), @Option(label = "F2", value = "F2"),
                    @Option(label = "F3 (nights, Sundays, holidays)", value = "F3")})
    String[] cheap_bands() default {"F3"};

    @AttributeDefinition(name = "Socket priorities", cardinality = 64,
            description = "socket=class, one per entry, e.g. 1=MOBILITY_AID. Classes, highest first: MOBILITY_AID, "
                    + "SHARED_FLEET, PUBLIC, PRIVATE. Sockets not listed are PUBLIC.")
    String[] socket_priorities() default {};

    @AttributeDefinition(name = "Socket default modes", cardinality = 64,
            description = "socket=mode: NOW, SOLAR_ONLY, NONE (off), or SOLAR_AND_CHEAP,<Wh>,<HH:mm> (that energy "
                    + "every day by that local time), e.g. 3=SOLAR_AND_CHEAP,6000,07:30. The session of a socket "
                    + "until charging sessions are managed; sockets not listed are NOW.")
    String[] socket_modes() default {};

    @AttributeDefinition(name = "Socket ratings (W)", cardinality = 64,
            description = "socket=W, the most the socket may draw, e.g. 2=1000 for an e-bike socket; the draw "
                    + "expected before it was measured. Sockets not listed: 3680 (Schuko 16 A).")
    String[] socket_rating_w() default {};

    @AttributeDefinition(name = "Battery min SoC (%)", min = "0", max = "100",
            description = "The battery is not discharged below this.")
    int battery_min_soc_percent() default 20;

    @AttributeDefinition(name = "Battery max SoC (%)", min = "0", max = "100",
            description = "The battery is not charged above this.")
    int battery_max_soc_percent() default 95;

    @AttributeDefinition(name = "Battery max charge (W)", min = "0", description = "Largest charge set-point.")
    int battery_max_charge_w() default 2500;

    @AttributeDefinition(name = "Battery max discharge (W)", min = "0", description = "Largest discharge set-point.")
    int battery_max_discharge_w() default 2500;

    @AttributeDefinition(name = "Battery trading",
            description = "Sell to the grid in expensive hours and buy from it in cheap ones (hourly prices from "
                    + "org.microsmartgrid.grid.balancer.Prices, else the bands below). Off: the battery only follows "
                    + "the sessions and the solar surplus.")
    boolean battery_trading() default false;

    @AttributeDefinition(name = "Battery reserve for mobility aids (%)", min = "0", max = "100",
            description = "Trading and ordinary sessions never take the battery below this SoC: the energy under it "
                    + "is kept for mobility aids' sessions. At least the min SoC counts.")
    int battery_reserve_soc_percent() default 40;

    @AttributeDefinition(name = "Sell at or above (€/MWh)", min = "0",
            description = "Hours whose price (PUN) is at least this: the battery discharges, into the grid too within "
                    + "export.limit.w.")
    double battery_sell_above_eur_mwh() default 150;

    @AttributeDefinition(name = "Buy at or below (€/MWh)", min = "0",
            description = "Hours whose price (PUN) is at most this: the battery charges from the grid within the "
                    + "import limit. Below the sell price.")
    double battery_buy_below_eur_mwh() default 90;

    @AttributeDefinition(name = "Sell bands (no price)", cardinality = 3,
            description = "ARERA bands in which the battery sells when the hour has no price (list missing, feed failed).")
    String[] battery_sell_bands() default {"F1"};

    @AttributeDefinition(name = "Buy bands (no price)", cardinality = 3,
            description = "ARERA bands in which the battery buys when the hour has no price.")
    String[] battery_buy_bands() default {"F3"};

    @AttributeDefinition(name = "Reservation grace (min)", min = "1", max = "240",
            description = "A reservation whose holder has not started a session on the socket this long after its "
                    + "start expires, and the socket is free again.")
    int reservation_grace_min() default 15;

    @AttributeDefinition(name = "Reservation holds power",
            description = "Until its holder comes (at most the grace above), a reserved socket's expected draw is kept "
                    + "out of what the other sockets may take, so that the holder starts charging at once; off: only "
                    + "the socket is kept, and the holder's session then waits for power like any other.")
    boolean reservation_hold_power() default true;
}
