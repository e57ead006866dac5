package org.microsmartgrid.city.stats.sessions;

/**
 * Closed sessions of one point in one hour (the hour they ended), with the point's dimensions.
 *
 * @param locationId    the registry's point
 * @param hourStart     epoch ms
 * @param area          the grid cell the point is in ({@link Areas})
 * @param district      the district the point is in ({@link org.microsmartgrid.city.stats.districts.Districts})
 * @param operatorType  who offers it
 * @param vehicleClass  the classes it serves, sorted, joined by {@code +}
 * @param sessions      how many ended
 * @param energyWh      energy they delivered
 * @param solarWh       the part covered locally (solar, battery)
 */
public record SessionHour(String locationId, long hourStart, String area, String district, String operatorType,
                          String vehicleClass, int sessions, double energyWh, double solarWh) {

    public SessionHour plus(SessionHour o) {
        return new SessionHour(locationId, hourStart, area, district, operatorType, vehicleClass, sessions + o.sessions,
                energyWh + o.energyWh, solarWh + o.solarWh);
    }
}
