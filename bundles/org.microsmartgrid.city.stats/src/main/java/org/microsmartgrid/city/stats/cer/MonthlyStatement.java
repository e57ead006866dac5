package org.microsmartgrid.city.stats.cer;

import java.time.YearMonth;
import java.util.List;

/**
 * A community's statement for one month.
 *
 * @param community       the community's id
 * @param month           the month (Italian calendar)
 * @param hours           hours in the month (743 or 745 in the months where daylight saving time starts or ends)
 * @param hoursWithMembers hours in which the community had at least one member
 * @param missingHours    hours with members in which some member's energy is not fully measured: not counted
 * @param fedWh           members' energy fed into the grid, over the counted hours
 * @param drawnWh         members' energy drawn from the grid, over the counted hours
 * @param sharedWh        shared energy, summed over the counted hours
 * @param rateEurPerMWh   the incentive rate applied (configuration)
 * @param incentiveEur    sharedWh × rate
 * @param members         one line per member who was a member in some hour of the month
 */
public record MonthlyStatement(String community, YearMonth month, int hours, int hoursWithMembers, int missingHours,
                               double fedWh, double drawnWh, double sharedWh, double rateEurPerMWh,
                               double incentiveEur, List<MemberLine> members) {

    /**
     * @param module        the member's module
     * @param name          its name
     * @param memberHours   hours of the month in which it was a member
     * @param missingHours  of those, hours its energy is not fully measured (the community hour is then not counted)
     * @param fedWh         what it fed in, over the community's counted hours
     * @param drawnWh       what it drew, over the community's counted hours
     * @param shareWh       its share of the shared energy (rule in {@link SharedEnergy})
     * @param incentiveEur  shareWh × rate
     */
    public record MemberLine(String module, String name, int memberHours, int missingHours, double fedWh,
                             double drawnWh, double shareWh, double incentiveEur) {
    }
}
