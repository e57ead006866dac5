package org.microsmartgrid.grid.balancer.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.decision.BatteryLimits;
import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;
import org.microsmartgrid.grid.balancer.decision.TradingRules;

/** Turns the web console's properties into a {@link SiteConfig}, or refuses them naming every bad property. */
public final class ConfigValidator {

    /** The smallest hysteresis accepted, W: well above a meter's noise (a few W) at the edge of the limit. */
    public static final int MIN_HYSTERESIS_W = 20;

    private ConfigValidator() {
    }

    public static SiteConfig validate(String pid, BalancerConfig c) {
        List<String> problems = new ArrayList<>();

        int contract = c.contract_power_w();
        if (contract <= 0) {
            problems.add("contract.power.w is required and must be > 0 (W), got " + contract);
        } else if (!c.contract_nondomestic() && !AreraSteps.isDomesticStep(contract)) {
            problems.add("contract.power.w = " + contract + " W is not an ARERA domestic step ("
                    + IntStream.of(AreraSteps.DOMESTIC_W).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                    + "); set contract.nondomestic = true for a non-domestic supply");
        }
        range(problems, "grid.meters", c.grid_meters(), 1, 4);
        range(problems, "margin.percent", c.margin_percent(), 0, 10);
        if (c.supply_fuse_w() < 0 || (c.supply_fuse_w() > 0 && contract > 0 && c.supply_fuse_w() < contract))
            problems.add("supply.fuse.w = " + c.supply_fuse_w() + " must be 0 (not known) or at least contract.power.w = "
                    + contract + " W: no supply delivers its contract through a smaller fuse");
        range(problems, "reserve.w", c.reserve_w(), 0, Integer.MAX_VALUE);
        if (contract > 0 && c.reserve_w() >= contract * (1 + c.margin_percent() / 100))
            problems.add("reserve.w = " + c.reserve_w() + " leaves no power below the limit of contract.power.w = " + contract);
        range(problems, "export.limit.w", c.export_limit_w(), 0, Integer.MAX_VALUE);
        range(problems, "cycle.ms", c.cycle_ms(), 50, 5000);
        range(problems, "stale.grid.ms", c.stale_grid_ms(), 50, 60000);
        if (c.stale_grid_ms() < c.cycle_ms())
            problems.add("stale.grid.ms = " + c.stale_grid_ms() + " is shorter than cycle.ms = " + c.cycle_ms()
                    + ": every reading would be stale by the time a cycle sees it");
        // below the meters' noise the loop cannot tell "fits" from "does not fit": a socket at the edge of the limit
        // would be switched on and shed every cycle (contactor chatter); ClosedLoopPropertiesTest found it
        range(problems, "hysteresis.w", c.hysteresis_w(), MIN_HYSTERESIS_W, Math.max(contract, MIN_HYSTERESIS_W));
        range(problems, "min.on.s", c.min_on_s(), 0, 3600);
        range(problems, "min.off.s", c.min_off_s(), 0, 3600);
        range(problems, "idle.w", c.idle_w(), 0, 100);
        range(problems, "rotation.period.s", c.rotation_period_s(), 1, 7 * 24 * 3600);
        if (c.rotation_period_s() < Math.max(c.min_on_s(), c.min_off_s()))
            problems.add("rotation.period.s = " + c.rotation_period_s() + " is shorter than min.on.s / min.off.s: "
                    + "a turn could not end when it is over");
        range(problems, "battery.min.soc.percent", c.battery_min_soc_percent(), 0, 100);
        range(problems, "battery.max.soc.percent", c.battery_max_soc_percent(), 0, 100);
        if (c.battery_min_soc_percent() >= c.battery_max_soc_percent())
            problems.add("battery.min.soc.percent must be below battery.max.soc.percent");
        range(problems, "battery.max.charge.w", c.battery_max_charge_w(), 0, Integer.MAX_VALUE);
        range(problems, "battery.max.discharge.w", c.battery_max_discharge_w(), 0, Integer.MAX_VALUE);

        range(problems, "reservation.grace.min", c.reservation_grace_min(), 1, 240);
        Set<TariffBand> cheap = cheapBands(c.cheap_bands(), problems);
        TradingRules trading = trading(c, problems);
        Map<Integer, PriorityClass> priorities = SocketEntries.parse("socket.priorities", c.socket_priorities(),
                v -> enumValue(PriorityClass.class, v), problems);
        Map<Integer, DefaultMode> modes = SocketEntries.parse("socket.modes", c.socket_modes(),
                ConfigValidator::mode, problems);
        Map<Integer, Double> ratings = SocketEntries.parse("socket.rating.w", c.socket_rating_w(),
                ConfigValidator::rating, problems);

        if (!problems.isEmpty()) throw new ConfigException(pid, problems);

        Settings settings = new Settings(contract, c.margin_percent(), c.reserve_w(), c.export_limit_w(),
                Duration.ofSeconds(c.min_on_s()), Duration.ofSeconds(c.min_off_s()), c.hysteresis_w(),
                Duration.ofSeconds(c.rotation_period_s()), Duration.ofMillis(c.stale_grid_ms()), c.idle_w(),
                new BatteryLimits(c.battery_min_soc_percent(), c.battery_max_soc_percent(),
                        c.battery_max_charge_w(), c.battery_max_discharge_w()))
                .withSupplyFuse(c.supply_fuse_w()).withTrading(trading);
        Set<Integer> listed = new TreeSet<>(priorities.keySet());
        listed.addAll(modes.keySet());
        listed.addAll(ratings.keySet());
        Map<Integer, SocketConfig> sockets = new HashMap<>();
        for (int s : listed) {
            sockets.put(s, new SocketConfig(s, priorities.getOrDefault(s, PriorityClass.PUBLIC),
                    modes.getOrDefault(s, DefaultMode.NOW), ratings.getOrDefault(s, SocketSnapshot.SCHUKO_W)));
        }
        return new SiteConfig(settings, Duration.ofMillis(c.cycle_ms()), cheap, sockets, c.grid_meters());
    }

    /** Null (with problems added) when the rules are refused; {@link TradingRules#OFF} when trading is off. */
    private static TradingRules trading(BalancerConfig c, List<String> problems) {
        int before = problems.size();
        range(problems, "battery.reserve.soc.percent", c.battery_reserve_soc_percent(), 0, 100);
        if (c.battery_reserve_soc_percent() >= c.battery_max_soc_percent())
            problems.add("battery.reserve.soc.percent = " + c.battery_reserve_soc_percent()
                    + " leaves nothing to trade below battery.max.soc.percent = " + c.battery_max_soc_percent());
        range(problems, "battery.sell.above.eur.mwh", c.battery_sell_above_eur_mwh(), 0, 5000);
        range(problems, "battery.buy.below.eur.mwh", c.battery_buy_below_eur_mwh(), 0, 5000);
        if (!(c.battery_buy_below_eur_mwh() < c.battery_sell_above_eur_mwh()))
            problems.add("battery.buy.below.eur.mwh = " + number(c.battery_buy_below_eur_mwh())
                    + " must be below battery.sell.above.eur.mwh = " + number(c.battery_sell_above_eur_mwh()));
        Set<TariffBand> sell = bands("battery.sell.bands", c.battery_sell_bands(), problems);
        Set<TariffBand> buy = bands("battery.buy.bands", c.battery_buy_bands(), problems);
        for (TariffBand b : sell)
            if (buy.contains(b)) problems.add("band " + b + " is in both battery.sell.bands and battery.buy.bands");
        if (problems.size() > before || !c.battery_trading()) return TradingRules.OFF;
        return new TradingRules(true, c.battery_reserve_soc_percent(), c.battery_sell_above_eur_mwh(),
                c.battery_buy_below_eur_mwh(), sell, buy);
    }

    private static Set<TariffBand> cheapBands(String[] values, List<String> problems) {
        return bands("cheap.bands", values, problems);
    }

    private static Set<TariffBand> bands(String property, String[] values, List<String> problems) {
        Set<TariffBand> result = EnumSet.noneOf(TariffBand.class);
        for (String v : values == null ? new String[0] : values) {
            if (v == null || v.isBlank()) continue;
            try {
                if (!result.add(enumValue(TariffBand.class, v.trim())))
                    problems.add(property + ": " + v.trim() + " is listed twice");
            } catch (IllegalArgumentException e) {
                problems.add(property + ": " + e.getMessage());
            }
        }
        return result;
    }

    static DefaultMode mode(String value) {
        String[] parts = value.split(",");
        SessionMode mode = enumValue(SessionMode.class, parts[0].trim());
        if (mode != SessionMode.SOLAR_AND_CHEAP) {
            if (parts.length > 1) throw new IllegalArgumentException(mode + " takes no target or deadline");
            return new DefaultMode(mode, 0, null);
        }
        if (parts.length != 3)
            throw new IllegalArgumentException("SOLAR_AND_CHEAP needs a target and a deadline: SOLAR_AND_CHEAP,<Wh>,<HH:mm>");
        double target;
        try {
            target = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target '" + parts[1].trim() + "' is not a number of Wh");
        }
        if (!(target > 0 && target <= 200_000))
            throw new IllegalArgumentException("target " + parts[1].trim() + " Wh is out of range (0, 200000]");
        try {
            return new DefaultMode(mode, target, LocalTime.parse(parts[2].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("deadline '" + parts[2].trim() + "' is not a time of day HH:mm");
        }
    }

    static double rating(String value) {
        double w;
        try {
            w = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number of W");
        }
        // 32 A on three phases at 230 V is the largest outlet a module could switch
        if (!(w > 0 && w <= 22080)) throw new IllegalArgumentException(value + " W is out of range (0, 22080]");
        return w;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void range(List<String> problems, String property, double value, double min, double max) {
        if (RawBitsDouble.suspect(value)) problems.add(RawBitsDouble.problem(property, value));
        else if (!(value >= min && value <= max))
            problems.add(property + " = " + number(value) + " is out of range [" + number(min) + ", " + number(max) + "]");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
