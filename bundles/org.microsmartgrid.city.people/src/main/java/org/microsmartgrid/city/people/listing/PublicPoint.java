package org.microsmartgrid.city.people.listing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.microsmartgrid.city.people.listing.Enums.ConnectorStandard;
import org.microsmartgrid.city.people.listing.Enums.Precision;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;

/**
 * What the registry (and so the public) gets of an approved listing: not monitored, coordinates rounded to the
 * chosen precision, the street address only when EXACT and not a private individual's.
 */
public final class PublicPoint {

    private PublicPoint() {
    }

    public static Location of(Listing l, long now) {
        int decimals = l.precision() == Precision.EXACT ? 6 : l.precision() == Precision.STREET ? 3 : 2;
        boolean showAddress = l.precision() == Precision.EXACT && l.operatorType() != OperatorType.PRIVATE_INDIVIDUAL;
        List<Evse> evses = IntStream.range(0, l.sockets().size()).mapToObj(i -> new Evse(i + 1, EvseStatus.UNKNOWN, now,
                null, List.of(connector(l.sockets().get(i))))).toList();
        return new Location(l.id(), l.name(), showAddress ? l.address() : null, l.city(), round(l.latitude(), decimals),
                round(l.longitude(), decimals), l.operatorType(), false, l.vehicleClasses(),
                l.facilities().stream().map(Enum::name).collect(Collectors.toSet()), l.openingHours(),
                l.priceKind() == Enums.PriceKind.FREE, priceText(l), now, null, evses);
    }

    /** A withdrawn point: kept as a row without position, name or address, so it is no longer public anywhere. */
    public static Location retired(Listing l, long now) {
        return new Location(l.id(), "—", null, null, null, null, l.operatorType(), false, java.util.Set.of(),
                java.util.Set.of(), null, false, null, now, null, List.of());
    }

    static Connector connector(Listing.Socket s) {
        boolean threePhase = s.connector() == ConnectorStandard.IEC_62196_T2 && s.powerW() > 7_400;
        int volts = threePhase ? 400 : 230;
        int amps = (int) Math.ceil(s.powerW() / (threePhase ? 400 * Math.sqrt(3) : 230.0));
        return new Connector(1, s.connector().name(), "SOCKET", threePhase ? "AC_3_PHASE" : "AC_1_PHASE", volts, amps, s.powerW());
    }

    static String priceText(Listing l) {
        return priceText(l.priceKind(), l.priceCents());
    }

    static String priceText(Enums.PriceKind kind, int cents) {
        String euro = String.format(Locale.ITALY, "%.2f €", cents / 100.0);
        return switch (kind) {
            case FREE -> "gratuito / free";
            case PER_KWH -> euro + "/kWh";
            case PER_HOUR -> euro + "/h";
            case PER_SESSION -> euro + " a ricarica / per session";
        };
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
