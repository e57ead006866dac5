package org.microsmartgrid.coap.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

/**
 * /site/reservations as SenML: per reservation, {@code <id>/socket}, {@code <id>/from} and {@code <id>/until}
 * (seconds since the epoch) and {@code <id>/used}. Who holds it and who made it are not shown: GET is open to
 * read-only identities and to plain CoAP, and the holder is part of a person's token.
 */
public final class ReservationsPack {

    public static final String BASE_NAME = "site/reservations/";

    private ReservationsPack() {
    }

    public static SenmlPack build(SocketReservations service, Instant now) {
        List<SenmlRecord> records = new ArrayList<>();
        if (service != null) {
            for (Reservation r : service.reservations()) {
                records.add(SenmlRecord.number(r.id() + "/socket", null, r.socket()));
                records.add(SenmlRecord.number(r.id() + "/from", "s", CapPack.epochSeconds(r.from())));
                records.add(SenmlRecord.number(r.id() + "/until", "s", CapPack.epochSeconds(r.until())));
                records.add(SenmlRecord.bool(r.id() + "/used", r.used()));
            }
        }
        records.add(SenmlRecord.number("count", null, records.size() / 4));
        return new SenmlPack(BASE_NAME, CapPack.epochSeconds(now), records);
    }
}
