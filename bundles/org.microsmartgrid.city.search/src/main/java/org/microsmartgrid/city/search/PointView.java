package org.microsmartgrid.city.search;

import java.util.List;

/**
 * A point as a reader sees it: its facts and the live status of each of its EVSEs (in the order of
 * {@link PointFacts#evseUids()}).
 */
public record PointView(PointFacts facts, List<EvseLive> evses) {
    public PointView {
        evses = List.copyOf(evses);
    }

    /** At least one EVSE is AVAILABLE: what the "available now" filter and a cluster's available count use. */
    public boolean availableNow() {
        for (EvseLive evse : evses) {
            if (evse.status() == EvseStatus.AVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
