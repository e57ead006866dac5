package org.microsmartgrid.city.registry;

import java.util.List;
import java.util.Optional;

/**
 * The registry: the truth about every charging point. Writes from module messages are idempotent and ordered by the
 * message's capture time; each returns whether it changed anything.
 */
public interface Registry {

    /** Registers or updates the module and its location; marks it online. */
    boolean moduleBirth(ModuleBirth birth);

    /**
     * Marks the module offline (DC, LWT, lost connection) unless it was born again after {@code at}.
     *
     * @return false when unknown or already newer
     */
    boolean moduleOffline(String account, String clientId, long at);

    /**
     * Stores the module's latest claim hash, unless a newer one is stored already.
     *
     * @return false when the module is unknown or the stored hash is newer
     */
    default boolean claimHash(ModuleClaimHash hash) {
        return false;
    }

    /** The modules whose latest stored claim hash is this one (normally none or one). */
    default List<ModuleClaimHash> modulesWithClaimHash(String sha256) {
        return List.of();
    }

    /** Records that the module was heard at this capture time (any message). */
    void heard(String account, String clientId, long capturedAt);

    /** Updates a socket's status if the update is newer than the stored one. */
    boolean socketStatus(SocketUpdate update);

    /** Stores a session record; a CLOSED record replaces an OPEN one, never the reverse; duplicates change nothing. */
    boolean session(SessionRecord record);

    /**
     * Runs these writes as one unit: one transaction, committed once, and every location they changed told to the
     * listeners once, after the commit, with its state as committed. If it throws, none of its writes is stored and no
     * listener is told. Each write keeps its own rules (ordered by capture time, idempotent), so a batch stores what
     * the same writes one by one would. This default runs them one by one (for registries without transactions).
     */
    default void batch(Runnable writes) {
        writes.run();
    }

    /**
     * Sets what a module's point offers as its owner states it (vehicles, facilities, hours, price); a module's later
     * BIRTH keeps it (a BIRTH sets only the name and position).
     *
     * @return false when there is no such monitored point
     */
    default boolean updateDetails(String locationId, PointDetails details, long at) {
        return false;
    }

    /** Adds or replaces a point that no module reports (issue "People and power"): not monitored. */
    void putUnmonitored(Location location);

    Optional<Location> location(String id);

    /** The location a module reports, if it was born. */
    Optional<Location> locationOfModule(String account, String clientId);

    /** Every location, ordered by id (for exports and to rebuild in-memory indexes). */
    List<Location> all();

    /** A page of locations ordered by id. */
    List<Location> page(int offset, int limit);

    int count();

    /** {@link #page} and {@link #count} from one snapshot. This default reads them one after the other. */
    default Counted<Location> pageCounted(int offset, int limit) {
        return new Counted<>(page(offset, limit), count());
    }

    /** {@link #pageChanged} and {@link #countChanged} from one snapshot. This default reads them one after the other. */
    default Counted<Location> pageChangedCounted(long from, long to, int offset, int limit) {
        return new Counted<>(pageChanged(from, to, offset, limit), countChanged(from, to));
    }

    /**
     * When a location last changed as the public sees it: its own record (BIRTH, going offline, an edit) or any of its
     * sockets' status reports, whichever is newest (OCPI's last_updated: "If an EVSE is updated, also the 'parent'
     * Location's last_updated field needs to be updated").
     */
    static long changedAt(Location l) {
        long t = l.lastUpdated();
        for (Evse e : l.evses()) t = Math.max(t, e.statusAt());
        return t;
    }

    /** Has a position that is a position (WGS 84 ranges): what the open-data exports may publish. */
    static boolean publishable(Location l) {
        return l.located() && Math.abs(l.latitude()) <= 90 && Math.abs(l.longitude()) <= 180;
    }

    /**
     * A page of {@link #publishable} locations with {@link #changedAt} in [{@code from}, {@code to}), ordered by id: what
     * partners page through (OCPI date_from / date_to). Implementations should answer from the database without
     * reading every location; this default does read them all.
     */
    default List<Location> pageChanged(long from, long to, int offset, int limit) {
        return all().stream().filter(l -> publishable(l) && changedAt(l) >= from && changedAt(l) < to)
                .skip(offset).limit(limit).toList();
    }

    /** How many locations {@link #pageChanged} pages through. */
    default int countChanged(long from, long to) {
        return (int) all().stream().filter(l -> publishable(l) && changedAt(l) >= from && changedAt(l) < to).count();
    }

    /** Modules online now. */
    int modulesOnline();

    int sessions();
}
