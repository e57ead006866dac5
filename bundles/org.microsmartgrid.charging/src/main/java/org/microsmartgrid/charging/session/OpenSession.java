package org.microsmartgrid.charging.session;

import java.time.Instant;
import java.util.UUID;

import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;

/** The mutable working state of one open session; {@link #view()} gives the immutable record. */
final class OpenSession {

    final UUID id;
    final int socket;
    final Instant started;
    ChargingMode mode;
    double targetWh;
    Instant deadline;
    String startedBy;
    double energyWh;
    double solarWh;
    double costEur;

    /** Import counter at the last step (null: none seen yet). */
    Double lastCounterWh;
    /** Power and time of the last GOOD reading, for integration without a counter. */
    Double lastPowerW;
    Instant lastAt;
    /** Since when the power has been below the plug threshold with the relay closed; null while above. */
    Instant belowSince;
    /** When the energy figures were last handed to the store; null: never since (re)start. */
    Instant persistedAt;
    boolean dirty;

    OpenSession(ChargingSession s, Double counterWh) {
        this.id = s.id();
        this.socket = s.socket();
        this.started = s.started();
        this.mode = s.mode();
        this.targetWh = s.targetWh();
        this.deadline = s.deadline();
        this.startedBy = s.startedBy();
        this.energyWh = s.energyWh();
        this.solarWh = s.solarWh();
        this.costEur = s.costEur();
        this.lastCounterWh = counterWh;
    }

    ChargingSession view() {
        return closed(null, null, null);
    }

    ChargingSession closed(Instant ended, String reason, String endedBy) {
        return new ChargingSession(id, socket, mode, targetWh, deadline, started, ended, energyWh, solarWh, costEur,
                reason, startedBy, endedBy);
    }

    Row row() {
        return new Row(view(), lastCounterWh);
    }
}
